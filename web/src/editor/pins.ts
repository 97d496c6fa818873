// Diagnostics and reviewers' comments grouped by the node they concern, so that every cell and
// row can show its own at once. Both pin to an exact path (the form paths of
// editor/formPath.ts); a row also lists those under its path.
import type { ReviewComment } from '../api/review';
import type { Diagnostic, Severity } from '../api/types';

function byPath<T extends { path: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.path) ?? [];
    list.push(item);
    map.set(item.path, list);
  }
  return map;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '[');
}

export class Pins {
  private diagnosticsByPath: Map<string, Diagnostic[]>;
  private commentsByPath: Map<string, ReviewComment[]>;

  constructor(readonly all: Diagnostic[], readonly comments: ReviewComment[] = []) {
    this.diagnosticsByPath = byPath(all);
    this.commentsByPath = byPath(comments);
  }

  at(path: string): Diagnostic[] {
    return this.diagnosticsByPath.get(path) ?? [];
  }

  // Every diagnostic on `prefix` itself or any node below it.
  under(prefix: string): Diagnostic[] {
    return this.all.filter((d) => isUnder(d.path, prefix));
  }

  commentsAt(path: string): ReviewComment[] {
    return this.commentsByPath.get(path) ?? [];
  }

  commentsUnder(prefix: string): ReviewComment[] {
    return this.comments.filter((c) => isUnder(c.path, prefix));
  }
}

const rank: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

// The most severe of `diagnostics`, for the cell's marker colour.
export function worst(diagnostics: Diagnostic[]): Severity | null {
  let best: Severity | null = null;
  for (const d of diagnostics) if (!best || rank[d.severity] > rank[best]) best = d.severity;
  return best;
}
