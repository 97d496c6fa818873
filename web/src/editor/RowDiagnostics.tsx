// The diagnostics of one row, printed in a line right under it: the text beside the cells it
// concerns. Clicking one puts the cursor in its cell.
import { roleLabel, type ReviewComment } from '../api/review';
import type { Diagnostic } from '../api/types';
import { fieldLabel } from './cellLabel';
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

// A reviewer's comment pinned to a cell, in the same line as the diagnostics (and in the side
// list): who said it and where; clicking puts the cursor in the cell.
export function CommentLine({ c, where }: { c: ReviewComment; where?: string }) {
  return (
    <li class="comment-line" data-comment-path={c.path}>
      <button type="button" class="linklike" onClick={() => focusCell(c.path)}>
        <span class="comment-tag">批注</span>
        <span class="diag-subject">{c.role_label || roleLabel[c.role]} {c.author}{where && ` · ${where}`}：</span>{c.text}
      </button>
    </li>
  );
}

export function RowDiagnostics({ diagnostics, comments = [], colSpan }:
  { diagnostics: Diagnostic[]; comments?: ReviewComment[]; colSpan: number }) {
  if (!diagnostics.length && !comments.length) return null;
  return (
    <tr class="row-diagnostics no-print-bg">
      <td colSpan={colSpan}>
        <ul>
          {comments.map((c) => <CommentLine c={c} where={fieldLabel(c.path)} />)}
          {diagnostics.map((d) => <DiagnosticLine d={d} />)}
        </ul>
      </td>
    </tr>
  );
}
