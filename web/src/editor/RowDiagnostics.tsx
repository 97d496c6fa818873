// The diagnostics of one row, printed in a line right under it: the text beside the cells it
// concerns. Clicking one puts the cursor in its cell.
import type { Diagnostic } from '../api/types';
import { severityLabel } from '../shell/format';
import { focusCell } from './focusCell';

export function DiagnosticLine({ d, withSubject }: { d: Diagnostic; withSubject?: boolean }) {
  return (
    <li class={'diag sev-' + d.severity} title={d.message_en}>
      <button type="button" class="linklike" onClick={() => focusCell(d.path)}>
        <span class="diag-code">{severityLabel[d.severity]} {d.code}</span>
        {withSubject && d.subject && <span class="diag-subject">{d.subject}：</span>}{d.message}
      </button>
      {d.notes.length > 0 && (
        <ul class="diag-notes">{d.notes.map((n) => <li>{n.message}</li>)}</ul>
      )}
    </li>
  );
}

export function RowDiagnostics({ diagnostics, colSpan }: { diagnostics: Diagnostic[]; colSpan: number }) {
  if (!diagnostics.length) return null;
  return (
    <tr class="row-diagnostics no-print-bg">
      <td colSpan={colSpan}>
        <ul>{diagnostics.map((d) => <DiagnosticLine d={d} />)}</ul>
      </td>
    </tr>
  );
}
