// A one-line progress display on stderr, drawn only when stderr is a terminal (logs and pipes stay clean).
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

const noProgress: Progress = { tick() {}, done() {} };

export function progress(label: string, total: number | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return noProgress;
  const started = Date.now();
  let count = 0;
  let drawn = 0;
  const draw = () => {
    const rate = count / Math.max(0.001, (Date.now() - started) / 1000);
    const width = 30;
    const bar = total
      ? `[${'#'.repeat(Math.round((count / total) * width)).padEnd(width, '.')}] ${count}/${total}`
      : `${count}`;
    stream.write(`\r${label} ${bar} ${rate.toFixed(0)}/s `);
  };
  return {
    tick(n = 1) {
      count += n;
      if (Date.now() - drawn > 200) {
        drawn = Date.now();
        draw();
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
