// 偏离度最大的指标: the leaves of the year whose actual value is farthest from the target,
// with whether a reason was given (GET /api/forms/overview).
import type { Overview } from '../api/types';
import { deviationPercent, isNegative, kindLabel, show } from '../shell/format';
import { onLink } from '../shell/route';

export function DeviationTable({ rows }: { rows: Overview['deviations'] }) {
  return (
    <table class="grid deviations">
      <thead>
        <tr><th>部门 / 项目</th><th>指标</th><th>年度指标值</th><th>实际完成值</th><th class="num">偏离度</th><th class="num">得分 / 分值</th><th>原因</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td><a href={`/forms/${r.form_id}`} onClick={onLink}>{r.department}</a>
              <div class="sub">{r.project || kindLabel[r.kind]}{r.goal !== null && ` · 目标${r.goal}`}</div></td>
            <td>{r.name}</td><td>{r.target}</td><td>{r.actual}</td>
            <td class={'num ' + (isNegative(r.deviation) ? 'neg' : 'pos')}>{deviationPercent(r.deviation)}</td>
            <td class="num">{show(r.score)} / {show(r.weight)}</td>
            <td>{r.reason_given ? '已说明' : <span class="sev-warning">未说明</span>}</td>
          </tr>
        ))}
        {rows.length === 0 && <tr><td colSpan={7} class="empty">没有可计算偏离度的指标</td></tr>}
      </tbody>
    </table>
  );
}
