// Three-way merge of a stale draft with the version someone else saved meanwhile: a cell the
// user changed keeps the user's value; every other cell takes the other person's. Cells both
// changed differently are listed so the user can look at them.
import { isDecimal } from '../api/exactJson';
import type { FormContent } from '../api/types';

export interface Clash {
  path: string;
  mine: unknown;
  theirs: unknown;
}

// Compared as written: JSON.stringify writes a decimal's own digits, so 0.8 → 0.80 is a change.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
// A decimal is a value of one cell, not an object to merge key by key.
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !isDecimal(v);

function join(path: string, key: string | number) {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function mergeNode(base: unknown, mine: unknown, theirs: unknown, path: string, clashes: Clash[]): unknown {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  const shapes = [base, mine, theirs];
  if (shapes.every(Array.isArray) && (mine as unknown[]).length === (base as unknown[]).length &&
      (theirs as unknown[]).length === (base as unknown[]).length) {
    return (mine as unknown[]).map((m, i) =>
      mergeNode((base as unknown[])[i], m, (theirs as unknown[])[i], join(path, i), clashes));
  }
  if (shapes.every((s) => isObject(s) && !Array.isArray(s))) {
    const keys = new Set([...Object.keys(mine as object), ...Object.keys(theirs as object)]);
    const out: Record<string, unknown> = {};
    for (const k of keys)
      out[k] = mergeNode((base as any)[k], (mine as any)[k], (theirs as any)[k], join(path, k), clashes);
    return out;
  }
  clashes.push({ path, mine, theirs });
  return mine;
}

export function merge(base: FormContent, mine: FormContent, theirs: FormContent) {
  const clashes: Clash[] = [];
  const merged = mergeNode(base, mine, theirs, '', clashes) as FormContent;
  return { merged, clashes };
}
