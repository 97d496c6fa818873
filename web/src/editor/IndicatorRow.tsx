// One 三级指标 of the indicator table: a cell per catalogue column in the official order (一级
// and 二级 as merged cells opened by the first row of their run), 核算 (the server's figure,
// derivation on hover) right after 得分 (declared); then its diagnostics.
import { sameDecimal } from '../api/exactJson';
import type { IndicatorField } from '../api/types';
import { Cell } from './Cell';
import { cellKind, columnClass } from './columns';
import { leafPath } from './formPath';
import { leafScore, useEditor } from './EditorContext';
import { RowDiagnostics } from './RowDiagnostics';
import { ScoreCheck } from './ScoreCheck';

export interface Span {
  level1?: number; // rows the merged 一级指标 cell covers, when this row opens it
  level2?: number;
}

interface Props {
  goal: number;
  index: number;
  span: Span;
  columns: IndicatorField[];
  diagnosticSpan: number; // the columns right of the merged level cells
}

export function IndicatorRow({ goal, index, span, columns, diagnosticSpan }: Props) {
  const { score, pins } = useEditor();
  const path = leafPath(goal, index);
  const leaf = leafScore(score, path);
  const diagnostics = pins.under(path);
  const comments = pins.commentsUnder(path);
  const declared = leaf?.declared_score ?? null;
  const counted = score?.mode === 'review' ? leaf?.formula_score : leaf?.score;
  return (
    <>
      <tr data-row={path} class="indicator-row">
        {columns.map((f) => {
          const rowSpan = f.key === 'level1' ? span.level1 : f.key === 'level2' ? span.level2 : undefined;
          if ((f.key === 'level1' || f.key === 'level2') && rowSpan === undefined) return null;
          return (
            <>
              <Cell path={`${path}.${f.key}`} kind={cellKind(f)} rowSpan={rowSpan} label={f.header}
                class={columnClass(f)} />
              {f.key === 'score' && (
                <ScoreCheck score={counted} derivation={leaf?.derivation} allowed={leaf?.allowed}
                  differs={!!counted && !!declared && !sameDecimal(counted, declared)} />
              )}
            </>
          );
        })}
      </tr>
      <RowDiagnostics diagnostics={diagnostics} comments={comments} colSpan={diagnosticSpan} />
    </>
  );
}
