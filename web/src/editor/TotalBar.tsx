// The figures that change as one types, kept in view above the table: the total and grade the
// form gets under its rule set and mode, the formula total, and the diagnostic counts.
import type { ScoreDocument } from '../api/types';
import { gradeClass, percent, show } from '../shell/format';

interface Props {
  score: ScoreDocument | null;
  formula: ScoreDocument | null;
  pending: boolean;
  rules: string;
  mode: string;
}

export function TotalBar({ score, formula, pending, rules, mode }: Props) {
  const s = score?.summary;
  return (
    <div class="total-bar" aria-live="polite">
      <div class="figure">
        <span class="label" title="total">总分</span>
        <span class="value" data-testid="total">{show(score?.total)}</span>
        <span class={'grade big ' + gradeClass(score?.grade)} data-testid="grade">{score?.grade || '—'}</span>
      </div>
      {mode === 'review' && (
        <div class="figure secondary" title="the total if every leaf took its formula score (mode auto)">
          <span class="label">按公式计分</span>
          <span class="value" data-testid="formula-total">{show(formula?.total)}</span>
          <span class={'grade ' + gradeClass(formula?.grade)} data-testid="formula-grade">{formula?.grade || '—'}</span>
        </div>
      )}
      <div class="figure secondary">
        <span class="label">执行率</span>
        <span class="value">{percent(score?.budget.rate)}</span>
      </div>
      <div class="counts">
        <span class="sev-error" data-testid="errors">{s?.errors ?? 0} 错误</span>
        <span class="sev-warning" data-testid="warnings">{s?.warnings ?? 0} 警告</span>
        <span class="sev-note">{s?.notes ?? 0} 提示</span>
      </div>
      <div class="rules" title="rule set and mode">
        规则集 {rules} · {mode === 'review' ? '审核申报得分' : '按公式计分'}
        <span class={'pending' + (pending ? ' on' : '')} data-testid="pending">{pending ? '核算中…' : '已核算'}</span>
      </div>
    </div>
  );
}
