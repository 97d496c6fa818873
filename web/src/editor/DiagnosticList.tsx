// Every diagnostic of the draft in one list, errors first; clicking one puts the cursor in the
// cell it concerns.
import type { Diagnostic } from '../api/types';
import { DiagnosticLine } from './RowDiagnostics';

const order = { error: 0, warning: 1, note: 2 } as const;

export function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section class="side-block diagnostic-list">
      <h3>诊断 <span class="sub">({diagnostics.length})</span></h3>
      {sorted.length === 0 ? <p class="sub">没有诊断</p> : (
        <ul>
          {sorted.map((d) => <DiagnosticLine d={d} withSubject />)}
        </ul>
      )}
    </section>
  );
}
