// 总分 and 自评结论 at the foot of the form: the declared total and grade, the server's beside
// them, and the conclusion text.
import { gradeClass, show } from '../shell/format';
import { Cell } from './Cell';
import { useEditor } from './EditorContext';
import { RowDiagnostics } from './RowDiagnostics';

export function TotalBlock() {
  const { draft, score, pins } = useEditor();
  const own = [...pins.under('total'), ...pins.under('grade'), ...pins.under('conclusion')];
  return (
    <table class="grid official total-table">
      <tbody>
        <tr data-row="total">
          <th>总分</th>
          <th>分值</th><Cell path="total.weight" kind="decimal" label="总分分值" class="num" />
          <th>得分</th><Cell path="total.score" kind="decimal" label="总分得分" class="num" />
          <th class="check-col">核算</th><td class="check">{show(score?.total)}</td>
          <th>自评等级</th><Cell path="grade" label="自评等级" class="num" />
          <td class="check"><span class={'grade ' + gradeClass(score?.grade)}>{score?.grade || '—'}</span></td>
        </tr>
        <tr>
          <th>{draft.kind === 'project' ? '评价结论' : '整体支出绩效自评结论'}</th>
          <Cell path="conclusion" kind="long" label="自评结论" class="wide" colSpan={10} />
        </tr>
        <RowDiagnostics diagnostics={own}
          comments={[...pins.commentsUnder('total'), ...pins.commentsUnder('grade'), ...pins.commentsUnder('conclusion')]} colSpan={11} />
      </tbody>
    </table>
  );
}
