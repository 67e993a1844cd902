// A command's module is loaded when that command runs, not at start-up: `triage clean FILE` then loads the
// cleaner only, not DuckDB, the report renderer and the extractor (about 2.7 s and 90 MB before the first byte).
type Action = (...args: never[]) => unknown;

export function lazy<M extends Record<K, Action>, K extends string>(load: () => Promise<M>, name: K) {
  return async (...args: Parameters<M[K]>): Promise<void> => {
    const mod = await load();
    await mod[name](...args);
  };
}
