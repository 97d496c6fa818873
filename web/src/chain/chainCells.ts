// Which cells of the chain view a diagnostic is about. Every chain diagnostic and each of its
// notes names its form (location.file: declaration, monitoring, self) and a model path there
// ("goals[1].indicators[3].target"), so marking a cell is a lookup, as pins.ts is for the editor.
import type { Diagnostic, Severity } from '../api/types';

export type Side = 'declaration' | 'monitoring' | 'self';
const rank: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

export type Marks = Map<string, Severity>; // "self|goals[1].indicators[3].target" → worst severity

export function sideOf(d: Diagnostic): Side {
  const file = d.location?.file;
  return file === 'declaration' || file === 'monitoring' ? file : 'self';
}

// Notes are "here in the other form" pointers: they mark their cell with the finding's severity,
// so the declared ≥95% is marked as the evaluated ≥90% is.
export function markCells(diagnostics: Diagnostic[]): Marks {
  const marks: Marks = new Map();
  const mark = (side: Side, path: string, severity: Severity) => {
    if (!path) return;
    const key = side + '|' + path;
    const before = marks.get(key);
    if (!before || rank[severity] > rank[before]) marks.set(key, severity);
  };
  for (const d of diagnostics) {
    if (d.severity === 'note' && d.notes.length === 0) continue; // proposals: shown, not marked
    mark(sideOf(d), d.path, d.severity);
    for (const n of d.notes) if (n.code !== 'ZP0470') mark(sideOf(n), n.path, d.severity);
  }
  return marks;
}

// The worst mark on a cell: on its own path or on the indicator that holds it (a finding about a
// whole indicator — its path or its name's, as for one dropped from the 自评表 — marks every cell
// of its row in that form).
export function markOf(marks: Marks, side: Side, indicator: string | null, field: string): Severity | undefined {
  if (!indicator) return undefined;
  return marks.get(`${side}|${indicator}.${field}`) ?? marks.get(`${side}|${indicator}`) ??
    marks.get(`${side}|${indicator}.name`);
}

// "goals[1].indicators[3]" → [1, 3]
export function indexOf(path: string): [number, number] | null {
  const m = /^goals\[(\d+)\]\.indicators\[(\d+)\]$/.exec(path);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
