// 各部门预算执行率: Σ全年执行数 ÷ Σ全年预算数 of each department's forms of the year, as the
// server computed it (GET /api/forms/overview). A department under the rule set's execution line
// (the server's `below_line`, from execution_warn_below) is marked; the line is drawn where the
// server says it is, never decided here.
import type { Overview } from '../api/types';
import { decimalText, type DecimalText } from '../api/exactJson';
import { percent } from '../shell/format';
import { EChart } from './EChart';

// Bar lengths and their order only: a chart draws in JS numbers. Every figure a person reads
// (labels, tooltip) is the server's text.
const length = (rate: DecimalText) => Number(decimalText(rate));

export function ExecutionChart({ departments, line }:
  { departments: Overview['departments']; line: Overview['execution_line'] }) {
  const rows = departments.filter((d) => d.execution_rate !== null)
    .map((d) => ({ name: d.department, rate: d.execution_rate!, length: length(d.execution_rate!), below: d.below_line }))
    .sort((a, b) => a.length - b.length);
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) =>
        items.map((i) => `${rows[i.dataIndex].name}：${percent(rows[i.dataIndex].rate)}`).join('<br/>'),
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: (m: { max: number }) => Math.max(100, Math.ceil(m.max)), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((d) => d.name), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{
      name: '执行率', type: 'bar', barMaxWidth: 16,
      data: rows.map((d) => ({ value: d.length, itemStyle: { color: d.below ? '#c62828' : '#1565c0' } })),
      label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => percent(rows[p.dataIndex].rate) },
      ...(line === null ? {} : {
        markLine: {
          silent: true, symbol: 'none', lineStyle: { color: '#c62828', type: 'dashed' },
          label: { formatter: `${percent(line)} 执行率警戒线` },
          data: [{ xAxis: length(line) }],
        },
      }),
    }],
    animation: false,
  };
  return <EChart option={option} height={Math.max(200, rows.length * 26 + 30)} label="各部门预算执行率" />;
}
