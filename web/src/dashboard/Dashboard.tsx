// 年度概览: one year across departments — the grade distribution, execution rates by
// department and the largest deviations. Every figure is aggregated by the server.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { FormStats, Overview } from '../api/types';
import { AnalysesPanel } from './AnalysesPanel';
import { DeviationTable } from './DeviationTable';
import { ExecutionChart } from './ExecutionChart';
import { GradeChart } from './GradeChart';

export function Dashboard() {
  const [years, setYears] = useState<string[]>([]);
  const [year, setYear] = useState(() => new URLSearchParams(location.search).get('year') ?? '');
  const [stats, setStats] = useState<FormStats | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api.stats({}).then((s) => {
      const ys = Object.keys(s.by_year).sort().reverse();
      setYears(ys);
      setYear((y) => y || ys[0] || '');
    }).catch((e) => setError(e.message));
  }, []);
  useEffect(() => {
    if (!year) return;
    history.replaceState(null, '', `/dashboard?year=${year}`);
    Promise.all([api.stats({ year }), api.overview(year)])
      .then(([s, o]) => { setStats(s); setOverview(o); setError(''); })
      .catch((e) => setError(e.message));
  }, [year]);

  return (
    <section class="dashboard">
      <div class="dashboard-head">
        <h1>年度概览</h1>
        <label>年度
          <select name="year" value={year} onChange={(e) => setYear(e.currentTarget.value)}>
            {years.map((y) => <option value={y}>{y}</option>)}
          </select>
        </label>
        {stats && <span class="sub">{year} 年度共 {stats.total} 张表单，{overview?.departments.length ?? 0} 个部门</span>}
      </div>
      {error && <p class="error-text">{error}</p>}
      {stats && overview && (
        <div class="dashboard-grid">
          <section class="panel">
            <h2>等级分布</h2>
            <GradeChart byGrade={stats.by_grade} />
          </section>
          <section class="panel">
            <h2>各部门预算执行率</h2>
            <ExecutionChart departments={overview.departments} line={overview.execution_line} />
          </section>
          <section class="panel wide">
            <h2>偏离度最大的指标</h2>
            <DeviationTable rows={overview.deviations} />
          </section>
          <AnalysesPanel year={year} />
        </div>
      )}
    </section>
  );
}
