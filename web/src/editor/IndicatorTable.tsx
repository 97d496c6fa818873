// 年度指标完成情况: the indicator table, goal by goal (a project form has one goal). Runs of
// equal 一级/二级指标 are merged cells as on the printed form; a merged cell spans its rows'
// diagnostic lines too, so those lines always start at the 三级指标 column.
import type { Indicator } from '../api/types';
import { show } from '../shell/format';
import { columnClass, isLevel, useIndicatorFields, visibleColumns } from './columns';
import { useEditor } from './EditorContext';
import { leafPath } from './formPath';
import { IndicatorRow, type Span } from './IndicatorRow';

function spans(indicators: Indicator[], hasDiagnostics: (i: number) => boolean): Span[] {
  const height = (i: number) => 1 + (hasDiagnostics(i) ? 1 : 0);
  const out: Span[] = indicators.map(() => ({}));
  let open1 = -1;
  let open2 = -1;
  indicators.forEach((ind, i) => {
    const prev = indicators[i - 1];
    if (!prev || prev.level1 !== ind.level1) {
      open1 = i;
      out[i].level1 = 0;
    }
    if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) {
      open2 = i;
      out[i].level2 = 0;
    }
    out[open1].level1! += height(i);
    out[open2].level2! += height(i);
  });
  return out;
}

export function IndicatorTable() {
  const { draft, score, pins } = useEditor();
  const { fields, error } = useIndicatorFields();
  const department = draft.kind === 'department';
  const caption = department ? '年度指标完成情况' : '绩效指标';
  if (error) return <p class="error-text">无法载入指标表的列（/api/vocabulary）：{error}</p>;
  if (!fields) return <p class="sub">{caption}载入中…</p>;
  const columns = visibleColumns(fields, draft);
  const width = columns.length + 1; // and 核算, the server's figure beside 得分
  return (
    <table class="grid official indicators">
      <caption>{caption}</caption>
      <colgroup>
        {columns.map((f) => (
          <>
            <col class={'c-' + columnClass(f)} data-field={f.key} />
            {f.key === 'score' && <col class="c-check" />}
          </>
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((f) => (
            <>
              <th data-field={f.key}>{f.header}</th>
              {f.key === 'score' && <th class="check-col" title="the server's figure; hover for the derivation">核算</th>}
            </>
          ))}
        </tr>
      </thead>
      {draft.goals.map((goal, g) => {
        const sub = score?.goals[g];
        const s = spans(goal.indicators, (i) => pins.under(leafPath(g, i)).length + pins.commentsUnder(leafPath(g, i)).length > 0);
        return (
          <tbody key={g} data-goal={g}>
            {department && (
              <tr class="goal-label">
                <th colSpan={width}>
                  绩效目标{show(goal.number, String(g + 1))}
                  {sub && <span class="subtotal">小计 {show(sub.score)} / {show(sub.weight)}</span>}
                </th>
              </tr>
            )}
            {goal.indicators.map((_, i) => (
              <IndicatorRow key={i} goal={g} index={i} span={s[i]} columns={columns}
                diagnosticSpan={width - columns.filter(isLevel).length} />
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
