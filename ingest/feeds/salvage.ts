// Recovery for broken feeds: keep everything up to the last complete item and close what is still open.

/** Names of elements left open in `xml`, outermost first. A light tag scanner, enough for feed markup. */
export function openElements(xml: string): string[] {
  const stack: string[] = [];
  const tag = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!closing) {
      stack.push(name);
      continue;
    }
    const at = stack.lastIndexOf(name);
    if (at >= 0) stack.length = at;
  }
  return stack;
}

/**
 * Cut after the last complete </item> or </entry> and close the enclosing elements.
 * Returns null when no complete item exists.
 */
export function salvageFeed(xml: string): string | null {
  const ends = [...xml.matchAll(/<\/(?:[\w-]+:)?(?:item|entry)\s*>/gi)];
  const last = ends.at(-1);
  if (!last || last.index === undefined) return null;
  const head = xml.slice(0, last.index + last[0].length);
  const closing = openElements(head)
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  return head + closing;
}
