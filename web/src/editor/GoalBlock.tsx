// 年度绩效目标 (department: one row per goal) / 年度总体目标 (project: 预期目标 vs 实际完成情况).
import { show } from '../shell/format';
import { Cell } from './Cell';
import { useEditor } from './EditorContext';
import { RowDiagnostics } from './RowDiagnostics';

export function GoalBlock() {
  const { draft, pins } = useEditor();
  const project = draft.kind === 'project';
  const own = (g: number) => pins.under(`goals[${g}]`).filter((d) => !d.path.includes('.indicators'));
  const ownComments = (g: number) => pins.commentsUnder(`goals[${g}]`).filter((c) => !c.path.includes('.indicators'));
  return (
    <table class="grid official goals-table">
      <caption>{project ? '年度总体目标' : '年度绩效目标'}</caption>
      <colgroup><col class="c-no" /><col /><col /><col /></colgroup>
      <thead>
        <tr>
          <th>{project ? '' : '序号'}</th><th>{project ? '预期目标' : '年度绩效目标'}</th>
          <th>实际完成情况</th><th>偏差原因分析及改进措施</th>
        </tr>
      </thead>
      <tbody>
        {draft.goals.map((goal, g) => (
          <>
            <tr data-row={`goals[${g}]`}>
              <th class="num">{project ? '' : show(goal.number, String(g + 1))}</th>
              <Cell path={`goals[${g}].target`} kind="long" label="年度绩效目标" />
              <Cell path={`goals[${g}].actual`} kind="long" label="实际完成情况" />
              <Cell path={`goals[${g}].deviation_reason`} kind="long" label="偏差原因分析及改进措施" />
            </tr>
            <RowDiagnostics diagnostics={own(g)} comments={ownComments(g)} colSpan={4} />
          </>
        ))}
      </tbody>
    </table>
  );
}
