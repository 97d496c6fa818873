// 表单列表: every stored form, filtered and paged by the server. The filters live in the URL's
// query string so that a filtered list can be reloaded and shared.
import { useEffect, useState } from 'preact/hooks';
import { api, query as toQuery, type ListQuery } from '../api/client';
import type { Department, FormPage } from '../api/types';
import { gradeClass, kindLabel, show, percent, when } from '../shell/format';
import { onLink } from '../shell/route';
import { StateBadge } from '../review/StateBadge';
import { ListFilters } from './ListFilters';
import { Pager } from './Pager';

const PAGE_SIZE = 20;

function queryFromUrl(): ListQuery {
  const p = new URLSearchParams(location.search);
  const q: ListQuery = { limit: PAGE_SIZE, offset: Number(p.get('offset') ?? 0) || 0 };
  for (const key of ['year', 'kind', 'status', 'review_state', 'grade', 'department', 'q'] as const) {
    const v = p.get(key);
    if (v) q[key] = v;
  }
  return q;
}

export function FormList() {
  const [query, setQuery] = useState<ListQuery>(queryFromUrl);
  const [page, setPage] = useState<FormPage | null>(null);
  const [error, setError] = useState('');
  const [years, setYears] = useState<string[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);

  useEffect(() => {
    api.stats({}).then((s) => setYears(Object.keys(s.by_year).sort().reverse())).catch(() => {});
    api.departments().then((d) => setDepartments(d.departments)).catch(() => {});
  }, []);

  useEffect(() => {
    const { limit: _l, ...shown } = query;
    history.replaceState(null, '', '/' + toQuery({ ...shown, offset: query.offset || undefined }));
    const abort = new AbortController();
    api.forms(query, abort.signal)
      .then((p) => { setPage(p); setError(''); })
      .catch((e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => abort.abort();
  }, [JSON.stringify(query)]);

  return (
    <section class="list-page">
      <h1>表单列表</h1>
      <ListFilters query={query} years={years} departments={departments} onChange={setQuery} />
      {error && <p class="error-text">{error}</p>}
      <div class="table-pane">
        <table class="grid form-list">
          <thead>
            <tr>
              <th>编号</th><th>部门 / 项目</th><th>类型</th><th>年度</th><th>状态</th>
              <th class="num">执行率</th><th class="num">总分</th><th>等级</th><th>诊断</th><th>最后保存</th>
            </tr>
          </thead>
          <tbody>
            {page?.forms.map((f) => (
              <tr key={f.id} data-form-id={f.id}>
                <td class="num">{f.id}</td>
                <td>
                  <a href={`/forms/${f.id}`} onClick={onLink} class="form-link">{f.department}</a>
                  {f.project && <div class="sub">{f.project}</div>}
                </td>
                <td>{kindLabel[f.kind]}</td>
                <td>{show(f.year)}</td>
                <td><StateBadge state={f.review_state} label={f.review_state_label} /></td>
                <td class="num">{percent(f.score.execution_rate)}</td>
                <td class="num total-cell">{show(f.score.total)}</td>
                <td><span class={'grade ' + gradeClass(f.score.grade)}>{f.score.grade || '—'}</span></td>
                <td>
                  <span class="counts">
                    {f.score.errors > 0 && <span class="sev-error" title="errors">{f.score.errors} 错误</span>}
                    {f.score.warnings > 0 && <span class="sev-warning" title="warnings">{f.score.warnings} 警告</span>}
                  </span>
                  {page.chains?.[String(f.id)] && (() => {
                    const c = page.chains![String(f.id)];
                    return (
                      <a href={`/forms/${f.id}/chain`} onClick={onLink} class="chain-count" data-testid="chain-count"
                        title="三表对照的诊断（申报表 → 监控表 → 自评表）">
                        三表 {c.errors} 错误 · {c.warnings} 警告
                      </a>
                    );
                  })()}
                </td>
                <td class="sub">第 {f.revision} 版 · {f.updated_by}<br />{when(f.updated_at)}</td>
              </tr>
            ))}
            {page && page.forms.length === 0 && (
              <tr><td colSpan={10} class="empty">没有符合条件的表单</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {page && <Pager total={page.total} limit={page.limit} offset={page.offset}
        onOffset={(offset) => setQuery({ ...query, offset })} />}
    </section>
  );
}
