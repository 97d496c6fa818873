// 预算执行情况 (department) / 项目资金 (project): 年初预算数, 全年预算数, 全年执行数, 分值,
// 执行率, 得分. Only the total row is scored; the server's rate and score sit beside the
// declared ones, with the derivation on hover.
import { sameDecimal } from '../api/exactJson';
import { percent } from '../shell/format';
import { Cell } from './Cell';
import { useEditor } from './EditorContext';
import { RowDiagnostics } from './RowDiagnostics';
import { ScoreCheck } from './ScoreCheck';

export function BudgetBlock() {
  const { draft, score, pins } = useEditor();
  const project = draft.kind === 'project';
  const b = score?.budget;
  const budgetDiagnostics = pins.under('budget').filter((d) => !d.path.startsWith('budget.sources'));
  return (
    <table class="grid official budget-table">
      <caption>{project ? '项目资金' : '预算执行情况'}（{draft.money_unit || '万元'}）</caption>
      <thead>
        <tr>
          <th></th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th>
          <th>执行率</th><th class="check-col" title="the server's rate">核算执行率</th><th>得分</th><th class="check-col" title="the server's score">核算</th>
        </tr>
      </thead>
      <tbody>
        <tr data-row="budget">
          <th>{project ? '年度资金总额' : '部门预算'}</th>
          <Cell path="budget.initial" kind="decimal" label="年初预算数" class="num" />
          <Cell path="budget.annual" kind="decimal" label="全年预算数" class="num" />
          <Cell path="budget.executed" kind="decimal" label="全年执行数" class="num" />
          <Cell path="budget.weight" kind="decimal" label="分值" class="num" />
          <Cell path="budget.rate" label="执行率" class="num" />
          <td class="check" data-testid="execution-rate" title="the printed rate is judged by the server (tolerance in the rule set): see the diagnostics">{percent(b?.rate)}</td>
          <Cell path="budget.score" kind="decimal" label="得分" class="num" />
          <ScoreCheck score={b?.score} derivation={b?.derivation} testId="execution-score"
            differs={!!b?.score && !!b.declared_score && !sameDecimal(b.score, b.declared_score)} />
        </tr>
        {draft.budget.sources.map((_, i) => (
          <tr data-row={`budget.sources[${i}]`}>
            <Cell path={`budget.sources[${i}].label`} label="资金来源" class="source-label" />
            <Cell path={`budget.sources[${i}].initial`} kind="decimal" label="年初预算数" class="num" />
            <Cell path={`budget.sources[${i}].annual`} kind="decimal" label="全年预算数" class="num" />
            <Cell path={`budget.sources[${i}].executed`} kind="decimal" label="全年执行数" class="num" />
            <td class="na">—</td>
            <Cell path={`budget.sources[${i}].rate`} label="执行率" class="num" />
            <td class="na check-col">—</td><td class="na">—</td><td class="na check-col">—</td>
          </tr>
        ))}
        <tr>
          <th>偏差原因分析及改进措施</th>
          <Cell path="budget.deviation_reason" kind="long" label="偏差原因分析及改进措施" class="reason wide" colSpan={8} />
        </tr>
        <RowDiagnostics diagnostics={[...budgetDiagnostics, ...pins.under('budget.sources')]}
          comments={pins.commentsUnder('budget')} colSpan={9} />
      </tbody>
    </table>
  );
}
