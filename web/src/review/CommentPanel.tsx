// 批注: reviewers' comments pinned to cells. A reviewer puts the cursor in a cell of the table
// (the form's cells stay focusable when read-only), writes, and the comment is pinned to that
// cell's form path ("goals[0].indicators[3].actual"), shown there like a diagnostic.
import { useState } from 'preact/hooks';
import { reviewApi, type ReviewComment } from '../api/review';
import type { FormContent } from '../api/types';
import { cellLabel } from '../editor/cellLabel';
import { CommentLine } from '../editor/RowDiagnostics';

interface Props {
  formId: number;
  draft: FormContent;
  comments: ReviewComment[];
  mayComment: boolean;
  selected: string | null; // the form path of the cell the cursor is in
  onAdded: () => void;
}

export function CommentPanel({ formId, draft, comments, mayComment, selected, onAdded }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    if (!selected) return setError('请先在表中点选要批注的单元格');
    if (!text.trim()) return setError('请填写批注内容');
    try {
      await reviewApi.comment(formId, selected, text.trim());
      setText('');
      setError('');
      onAdded();
    } catch (err) {
      setError('批注失败：' + (err as Error).message);
    }
  };
  if (!mayComment && comments.length === 0) return null;
  return (
    <section class="side-block comment-panel" data-testid="comment-panel">
      <h3>批注 <span class="sub">({comments.length})</span></h3>
      {mayComment && (
        <form onSubmit={add}>
          <p class="sub" data-testid="comment-target">
            {selected ? <>单元格：<strong>{cellLabel(draft, selected)}</strong> <code>{selected}</code></> : '点选表中的单元格以批注'}
          </p>
          <textarea name="comment-text" rows={2} value={text} placeholder="批注内容（单位将在该单元格看到）"
            onInput={(e) => setText(e.currentTarget.value)} />
          <div class="button-row"><button type="submit" disabled={!selected}>添加批注</button></div>
          {error && <p class="error-text" role="alert">{error}</p>}
        </form>
      )}
      <ul class="comment-list">
        {comments.map((c) => <CommentLine c={c} where={cellLabel(draft, c.path)} />)}
      </ul>
    </section>
  );
}
