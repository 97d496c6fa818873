// A form path in words, for where a comment is pinned: "goals[0].indicators[3].actual" →
// "党建活动及培训次数 · 实际完成值". The path itself stays the address; this is display only.
import type { FormContent } from '../api/types';
import { getAt, parsePath } from './formPath';

const FIELDS: Record<string, string> = {
  level1: '一级指标', level2: '二级指标', name: '三级指标', target: '年度指标值', actual: '实际完成值',
  weight: '分值', score: '得分', deviation_reason: '偏差原因分析及改进措施', initial: '年初预算数',
  annual: '全年预算数', executed: '全年执行数', rate: '执行率', label: '资金来源', department: '部门名称',
  project: '项目名称', year: '年度', implementing_unit: '实施单位', grade: '自评等级', conclusion: '自评结论',
};

export function cellLabel(draft: FormContent | null, path: string): string {
  const s = parsePath(path);
  const field = typeof s[s.length - 1] === 'string' ? FIELDS[s[s.length - 1] as string] ?? '' : '';
  if (s[0] === 'goals' && s[2] === 'indicators' && typeof s[3] === 'number') {
    const name = getAt(draft, `goals[${s[1]}].indicators[${s[3]}].name`);
    return [typeof name === 'string' && name ? name : `指标${s[3] + 1}`, field].filter(Boolean).join(' · ');
  }
  if (s[0] === 'goals' && typeof s[1] === 'number') return [`绩效目标${s[1] + 1}`, field].filter(Boolean).join(' · ');
  if (s[0] === 'budget' && s[1] === 'sources') return ['资金来源' + (Number(s[2]) + 1), field].join(' · ');
  if (s[0] === 'budget') return ['预算执行', field].join(' · ');
  if (s[0] === 'total') return ['总分', field].join(' · ');
  return field || path || '整张表';
}

// The column a path names ("…indicators[3].actual" → 实际完成值), for a line under its row.
export function fieldLabel(path: string): string {
  const last = parsePath(path).at(-1);
  return typeof last === 'string' ? FIELDS[last] ?? '' : '';
}
