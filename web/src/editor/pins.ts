// Diagnostics grouped by the node they concern, so that every cell and row can show its own
// at once. A diagnostic pins to its exact path; a row also lists those under its path.
import type { Diagnostic, Severity } from '../api/types';

export class Pins {
  private byPath = new Map<string, Diagnostic[]>();

  constructor(readonly all: Diagnostic[]) {
    for (const d of all) {
      const list = this.byPath.get(d.path) ?? [];
      list.push(d);
      this.byPath.set(d.path, list);
    }
  }

  at(path: string): Diagnostic[] {
    return this.byPath.get(path) ?? [];
  }

  // Every diagnostic on `prefix` itself or any node below it.
  under(prefix: string): Diagnostic[] {
    return this.all.filter((d) => d.path === prefix || d.path.startsWith(prefix + '.') ||
      d.path.startsWith(prefix + '['));
  }
}

const rank: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

// The most severe of `diagnostics`, for the cell's marker colour.
export function worst(diagnostics: Diagnostic[]): Severity | null {
  let best: Severity | null = null;
  for (const d of diagnostics) if (!best || rank[d.severity] > rank[best]) best = d.severity;
  return best;
}
