// The list's filters. Choices come from the server (years from /api/forms/stats, departments
// from /api/departments), so a new year or department appears without a UI change.
import type { Department } from '../api/types';
import type { ListQuery } from '../api/client';

interface Props {
  query: ListQuery;
  years: string[];
  departments: Department[];
  onChange: (q: ListQuery) => void;
}

// The review chain's states, as the progress board names them (review_state; 未填报 is a unit
// with no form, so it is the board's, not a list's).
const states: [string, string][] = [
  ['draft', '填报中'], ['submitted', '已提交'], ['returned', '已退回'], ['reviewed', '主管已审核'],
  ['approved', '已通过'], ['published', '已公开'],
];

export function ListFilters({ query, years, departments, onChange }: Props) {
  const set = (key: keyof ListQuery) => (e: Event) =>
    onChange({ ...query, [key]: (e.currentTarget as HTMLInputElement).value, offset: 0 });
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选">
      <label>年度
        <select name="year" value={query.year ?? ''} onChange={set('year')}>
          <option value="">全部</option>
          {years.map((y) => <option value={y}>{y}</option>)}
        </select>
      </label>
      <label>类型
        <select name="kind" value={query.kind ?? ''} onChange={set('kind')}>
          <option value="">全部</option>
          <option value="department">部门整体支出</option>
          <option value="project">项目支出</option>
        </select>
      </label>
      <label>状态
        <select name="review_state" value={query.review_state ?? ''} onChange={set('review_state')}>
          <option value="">全部</option>
          {states.map(([v, l]) => <option value={v}>{l}</option>)}
        </select>
      </label>
      <label>等级
        <select name="grade" value={query.grade ?? ''} onChange={set('grade')}>
          <option value="">全部</option>
          {['优', '良', '中', '差'].map((g) => <option value={g}>{g}</option>)}
        </select>
      </label>
      <label>部门
        <select name="department" value={query.department ?? ''} onChange={set('department')}>
          <option value="">全部</option>
          {departments.map((d) => <option value={String(d.id)}>{d.name}</option>)}
        </select>
      </label>
      <label class="grow">搜索
        <input name="q" type="search" placeholder="标题、项目或部门" value={query.q ?? ''} onInput={set('q')} />
      </label>
    </form>
  );
}
