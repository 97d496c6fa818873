// 修订记录: every save of the form, newest first, with who, when, why and what it scored.
import type { Revision } from '../api/types';
import { gradeClass, show, when } from '../shell/format';

export function RevisionList({ revisions, current }: { revisions: Revision[]; current: number }) {
  return (
    <section class="side-block revision-list">
      <h3>修订记录 <span class="sub">({revisions.length})</span></h3>
      <ol>
        {revisions.map((r) => (
          <li key={r.number} data-revision={r.number} class={r.number === current ? 'current' : ''}>
            <div><strong>第 {r.number} 版</strong> · {r.author} · <span class="sub">{when(r.created_at)}</span></div>
            <div class="revision-comment">{r.comment || <span class="sub">（无说明）</span>}</div>
            <div class="sub">
              {r.status_label} · 总分 {show(r.score.total)} <span class={'grade ' + gradeClass(r.score.grade)}>{r.score.grade}</span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
