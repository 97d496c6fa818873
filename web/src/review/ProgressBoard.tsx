// 填报进度: for a 主管部门 its units, for a 财政局 all of its units, each with where its forms
// stand (未填报 / 填报中 / 已提交 / 已退回 / 主管已审核 / 已通过 / 已公开, the server's columns),
// counted at the top; a unit past the deadline that has not submitted everything is red.
import { useEffect, useState } from 'preact/hooks';
import { reviewApi, type Progress } from '../api/review';
import { kindLabel } from '../shell/format';
import { onLink } from '../shell/route';
import { StateBadge } from './StateBadge';

export function ProgressBoard() {
  const [year, setYear] = useState(() => new URLSearchParams(location.search).get('year') ?? '');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    reviewApi.progress(year || undefined).then((p) => { setProgress(p); setError(''); }).catch((e) => setError(e.message));
  }, [year]);
  const overdue = progress?.units.filter((u) => u.overdue).length ?? 0;
  // A 主管部门's units all have it as parent: the column only says something to 财政.
  const bySupervisor = progress?.org?.kind !== 'supervisor';
  return (
    <section class="progress-page">
      <div class="dashboard-head">
        <h1>填报进度 <span class="sub">Progress{progress?.org ? ` · ${progress.org.name}` : ''}</span></h1>
        {progress && (
          <label>年度 <input name="year" class="year-input" inputMode="numeric" value={year || String(progress.year)}
            onChange={(e) => setYear(e.currentTarget.value.trim())} /></label>
        )}
        {progress && (
          <span class={progress.overdue_now ? 'overdue-text' : 'sub'} data-testid="board-deadline">
            截止日期 {progress.deadline}{progress.overdue_now && '（已过）'}
          </span>
        )}
      </div>
      {error && <p class="error-text">{error}</p>}
      {progress && (
        <div class="progress-counts" data-testid="progress-counts">
          {progress.states.map((c) => (
            <div class={'count-box count-' + c.name} data-state={c.name}>
              <span class="label">{c.label}</span><span class="value">{progress.totals[c.name] ?? 0}</span>
            </div>
          ))}
          <div class={'count-box' + (overdue ? ' overdue' : '')} data-state="overdue">
            <span class="label">已逾期</span><span class="value">{overdue}</span>
          </div>
        </div>
      )}
      <div class="table-pane">
        <table class="grid form-list progress-list">
          <thead>
            <tr><th>预算单位</th>{bySupervisor && <th>主管部门</th>}<th>状态</th><th>表单</th><th>截止日期</th></tr>
          </thead>
          <tbody>
            {progress?.units.map((u) => (
              <tr key={u.unit.id} data-unit={u.unit.name} class={u.overdue ? 'overdue' : ''}>
                <td>{u.unit.name}</td>
                {bySupervisor && <td class="sub">{u.supervisor?.name ?? '—'}</td>}
                <td><StateBadge state={u.state} label={u.state_label} /></td>
                <td>
                  {u.forms.length === 0 ? <span class="sub">—</span> : u.forms.map((f) => (
                    <div key={f.id} class="progress-form">
                      <a href={`/forms/${f.id}`} onClick={onLink}>{kindLabel[f.kind]}{f.project && ' · ' + f.project}</a>
                      {' '}<StateBadge state={f.review_state} label={f.review_state_label} />
                    </div>
                  ))}
                </td>
                <td class={u.overdue ? 'overdue-text' : ''} data-testid="deadline">
                  {progress.deadline}{u.overdue && '（已逾期）'}
                </td>
              </tr>
            ))}
            {progress && progress.units.length === 0 && <tr><td colSpan={bySupervisor ? 5 : 4} class="empty">没有下属单位</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
