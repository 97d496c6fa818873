// One 三级指标 of the indicator table, in the official column order: (一级, 二级 as merged
// cells drawn by the table) 三级指标, 年度指标值, 实际完成值, 分值, 得分 (declared), 核算 (the
// server's figure, derivation on hover), 偏差原因分析及改进措施; then its diagnostics.
import { sameDecimal } from '../api/exactJson';
import { Cell } from './Cell';
import { leafPath } from './formPath';
import { leafScore, useEditor } from './EditorContext';
import { RowDiagnostics } from './RowDiagnostics';
import { ScoreCheck } from './ScoreCheck';

export interface Span {
  level1?: number; // rows the merged 一级指标 cell covers, when this row opens it
  level2?: number;
}

export function IndicatorRow({ goal, index, span }: { goal: number; index: number; span: Span }) {
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
        {span.level1 !== undefined && <Cell path={`${path}.level1`} kind="wrap" rowSpan={span.level1} label="一级指标" class="level" />}
        {span.level2 !== undefined && <Cell path={`${path}.level2`} kind="wrap" rowSpan={span.level2} label="二级指标" class="level" />}
        <Cell path={`${path}.name`} kind="wrap" label="三级指标" class="name" />
        <Cell path={`${path}.target`} kind="wrap" label="年度指标值" class="value" />
        <Cell path={`${path}.actual`} kind="wrap" label="实际完成值" class="value" />
        <Cell path={`${path}.weight`} kind="decimal" label="分值" class="num" />
        <Cell path={`${path}.score`} kind="decimal" label="得分" class="num" />
        <ScoreCheck score={counted} derivation={leaf?.derivation} allowed={leaf?.allowed}
          differs={!!counted && !!declared && !sameDecimal(counted, declared)} />
        <Cell path={`${path}.deviation_reason`} kind="long" label="偏差原因分析及改进措施" class="reason" />
      </tr>
      <RowDiagnostics diagnostics={diagnostics} comments={comments} colSpan={7} />
    </>
  );
}
