// 各部门预算执行率: Σ全年执行数 ÷ Σ全年预算数 of each department's forms of the year, as the
// server computed it (GET /api/forms/overview). Below 80% is marked: the 一体化 system warns there.
import type { Overview } from '../api/types';
import { EChart } from './EChart';

export function ExecutionChart({ departments }: { departments: Overview['departments'] }) {
  const rows = departments.filter((d) => d.execution_rate !== null)
    .sort((a, b) => (a.execution_rate! - b.execution_rate!));
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: (m: { max: number }) => Math.max(100, Math.ceil(m.max)), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((d) => d.department), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{
      name: '执行率', type: 'bar', barMaxWidth: 16,
      data: rows.map((d) => ({ value: d.execution_rate, itemStyle: { color: d.execution_rate! < 80 ? '#c62828' : '#1565c0' } })),
      label: { show: true, position: 'right', formatter: '{c}%' },
    }],
    animation: false,
  };
  return <EChart option={option} height={Math.max(200, rows.length * 26 + 30)} label="各部门预算执行率" />;
}
