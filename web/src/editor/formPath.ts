// Paths name a node of the form the way the server's diagnostics do:
// "goals[8].indicators[4].actual", "budget.rate", "total.score". The editor addresses its cells
// by the same paths, so a diagnostic finds its cell without a lookup table.

export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

export function getAt(root: unknown, path: string): unknown {
  let node: any = root;
  for (const s of parsePath(path)) {
    if (node === null || node === undefined) return undefined;
    node = node[s];
  }
  return node;
}

// A copy of `root` with the node at `path` replaced; untouched branches are shared, so a
// change re-renders only the rows it concerns.
export function setAt<T>(root: T, path: string, value: unknown): T {
  const segments = parsePath(path);
  const set = (node: any, i: number): any => {
    if (i === segments.length) return value;
    const s = segments[i];
    const copy = Array.isArray(node) ? [...node] : { ...node };
    copy[s] = set(node?.[s], i + 1);
    return copy;
  };
  return set(root, 0);
}

// "goals[3].indicators[1].score" → "goals[3].indicators[1]" → "goals[3]" → "".
export function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const bracket = path.lastIndexOf('[');
  const cut = Math.max(dot, bracket);
  return cut <= 0 ? '' : path.slice(0, cut);
}

export function leafPath(goal: number, indicator: number, field?: string): string {
  const base = `goals[${goal}].indicators[${indicator}]`;
  return field ? `${base}.${field}` : base;
}
