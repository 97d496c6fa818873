// 公开表单: the forms the finance bureau has published (已公开), for anyone, without logging in.
// Each opens read-only; nothing here needs or shows an account.
import { useEffect, useState } from 'preact/hooks';
import { reviewApi } from '../api/review';
import type { FormPage } from '../api/types';
import { gradeClass, kindLabel, show, percent } from '../shell/format';
import { onLink } from '../shell/route';
import { Pager } from '../list/Pager';

const PAGE_SIZE = 20;

export function PublicList() {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<FormPage | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    reviewApi.published({ limit: PAGE_SIZE, offset }).then(setPage).catch((e) => setError(e.message));
  }, [offset]);
  return (
    <section class="public-page">
      <h1>公开表单 <span class="sub">Published self-evaluations</span></h1>
      <p class="sub">财政部门复核并公开的预算绩效自评表，任何人可查看。</p>
      {error && <p class="error-text">{error}</p>}
      <div class="table-pane">
        <table class="grid form-list public-list">
          <thead>
            <tr><th>部门 / 项目</th><th>类型</th><th>年度</th><th class="num">执行率</th><th class="num">总分</th><th>等级</th></tr>
          </thead>
          <tbody>
            {page?.forms.map((f) => (
              <tr key={f.id} data-form-id={f.id}>
                <td>
                  <a href={`/public/forms/${f.id}`} onClick={onLink} class="form-link">{f.department}</a>
                  {f.project && <div class="sub">{f.project}</div>}
                </td>
                <td>{kindLabel[f.kind]}</td>
                <td>{show(f.year)}</td>
                <td class="num">{percent(f.score.execution_rate)}</td>
                <td class="num total-cell">{show(f.score.total)}</td>
                <td><span class={'grade ' + gradeClass(f.score.grade)}>{f.score.grade || '—'}</span></td>
              </tr>
            ))}
            {page && page.forms.length === 0 && <tr><td colSpan={6} class="empty">还没有公开的表单</td></tr>}
          </tbody>
        </table>
      </div>
      {page && <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={setOffset} />}
    </section>
  );
}
