// 我的待办: the forms waiting for the logged-in user's next step (GET /api/todo): a unit's
// forms being filled in or returned, a 主管部门's submitted ones, 财政's reviewed and approved
// ones. Each row opens the form with its review panel.
import { useEffect, useState } from 'preact/hooks';
import { reviewApi, roleLabel, type TodoItem } from '../api/review';
import { kindLabel, show, when } from '../shell/format';
import { onLink } from '../shell/route';
import { useSession } from '../shell/session';
import { StateBadge } from './StateBadge';

const nextStep: Record<string, Record<string, string>> = {
  filler: { draft: '填写', returned: '按退回意见修改' },
  unit_head: { draft: '填写并上报', returned: '修改后重新上报' },
  supervisor: { submitted: '主管审核' },
  finance: { reviewed: '财政复核', approved: '公开' },
};

export function TodoPage() {
  const { user } = useSession();
  const [items, setItems] = useState<TodoItem[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    reviewApi.todo().then((t) => setItems(t.forms)).catch((e) => setError(e.message));
  }, []);
  const deadlines = items?.some((f) => f.deadline) ?? false;
  const due = (f: TodoItem) => {
    if (!f.deadline) return '—';
    if (f.overdue) return `${f.deadline}（已逾期 ${-(f.days_left ?? 0)} 天）`;
    if (f.days_left !== null && f.days_left >= 0) return `${f.deadline}（还剩 ${f.days_left} 天）`;
    return f.deadline;
  };
  return (
    <section class="todo-page">
      <h1>我的待办 <span class="sub">{user && `${user.role_label || roleLabel[user.role]}${user.org ? ' · ' + user.org.name : ''}`}</span></h1>
      {error && <p class="error-text">{error}</p>}
      <div class="table-pane">
        <table class="grid form-list todo-list">
          <thead>
            <tr><th>编号</th><th>单位 / 项目</th><th>类型</th><th>年度</th><th>状态</th><th>待办</th>{deadlines && <th>截止日期</th>}<th>最后修改</th></tr>
          </thead>
          <tbody>
            {items?.map((f) => (
              <tr key={f.id} data-form-id={f.id} class={f.overdue ? 'overdue' : ''}>
                <td class="num">{f.id}</td>
                <td>
                  <a href={`/forms/${f.id}`} onClick={onLink} class="form-link">{f.department}</a>
                  {f.project && <div class="sub">{f.project}</div>}
                </td>
                <td>{kindLabel[f.kind]}</td>
                <td>{show(f.year)}</td>
                <td><StateBadge state={f.review_state} label={f.review_state_label} /></td>
                <td>{f.actions.length ? f.actions.map((a) => a.action_label).join(' / ') : nextStep[user?.role ?? '']?.[f.review_state] ?? '处理'}</td>
                {deadlines && <td class={f.overdue ? 'overdue-text' : ''} data-testid="deadline">{due(f)}</td>}
                <td class="sub">{when(f.updated_at)}</td>
              </tr>
            ))}
            {items && items.length === 0 && <tr><td colSpan={deadlines ? 8 : 7} class="empty">没有等待您处理的表单</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
