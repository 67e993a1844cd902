// The node tree of a page (built by parse.ts: htmlparser2 + domhandler), walked directly. Every walk here is
// iterative, so 50,000 nested elements cannot overflow the call stack.

/** The fields of a domhandler node that the cleaner reads. */
export interface HNode {
  type: string; // 'tag' | 'script' | 'style' | 'text' | 'comment' | 'directive' | 'cdata' | 'root'
  name?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  parent: HNode | null;
  data?: string;
}

export interface HElement extends HNode {
  name: string;
  attribs: Record<string, string>;
  children: HNode[];
}

export const isElement = (n: HNode): n is HElement =>
  (n.type === 'tag' || n.type === 'script' || n.type === 'style') && !!n.name;
export const attr = (el: HNode, name: string): string | null => el.attribs?.[name] ?? null;

/** Pre-order walk; `visit` returning false skips the node's children. */
export function walk(root: HNode, visit: (el: HElement) => boolean | void): void {
  const stack: HNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as HNode;
    if (n !== root && isElement(n) && visit(n) === false) continue;
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Every element under root (pre-order). */
export function elements(root: HNode, pred?: (el: HElement) => boolean): HElement[] {
  const out: HElement[] = [];
  walk(root, (el) => {
    if (!pred || pred(el)) out.push(el);
  });
  return out;
}

export function first(root: HNode, pred: (el: HElement) => boolean): HElement | null {
  let found: HElement | null = null;
  walk(root, (el) => {
    if (found) return false;
    if (pred(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

/** Concatenated text of all text nodes under a node (script/style bodies included only if asked). */
export function textOf(root: HNode, withScripts = false): string {
  if (root.type === 'text') return root.data ?? '';
  let out = '';
  const stack: HNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as HNode;
    if (n.type === 'text') {
      out += n.data ?? '';
      continue;
    }
    if (!withScripts && n !== root && (n.type === 'script' || n.type === 'style')) continue;
    if (n.type === 'comment') continue;
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

export function remove(n: HNode): void {
  const p = n.parent;
  if (!p?.children) return;
  const i = p.children.indexOf(n);
  if (i >= 0) p.children.splice(i, 1);
  n.parent = null;
}

/** Remove many nodes at once: one pass per parent instead of one indexOf per node. */
export function removeAll(nodes: HNode[]): void {
  const byParent = new Map<HNode, Set<HNode>>();
  for (const n of nodes) {
    if (!n.parent) continue;
    let s = byParent.get(n.parent);
    if (!s) byParent.set(n.parent, (s = new Set()));
    s.add(n);
  }
  for (const [p, gone] of byParent) {
    p.children = (p.children ?? []).filter((c) => !gone.has(c));
    for (const n of gone) n.parent = null;
  }
}

export function ancestors(n: HNode): HNode[] {
  const out: HNode[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}
