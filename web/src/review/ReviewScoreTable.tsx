// 财政复核评分: per 三级指标, the unit's self-score beside the finance reviewer's score, the
// difference (reviewer − self, computed by the server from the exact decimals) and the
// reviewer's reason. While the form waits for 财政, a finance reviewer enters a score and a
// reason per leaf; a later score for a leaf replaces the earlier one.
import { useState } from 'preact/hooks';
import { decimalOf } from '../api/exactJson';
import { reviewApi, type ReviewScore } from '../api/review';
import type { FormContent } from '../api/types';
import { show } from '../shell/format';
import { leafPath } from '../editor/formPath';

interface Props {
  formId: number;
  draft: FormContent;
  scores: ReviewScore[];
  mayScore: boolean;
  onSaved: () => void;
}

function ScoreEntry({ formId, path, onSaved }: { formId: number; path: string; onSaved: () => void }) {
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    const value = decimalOf(score.trim());
    if (!value) return setError('复核得分须为数字');
    if (!reason.trim()) return setError('请填写复核意见');
    try {
      await reviewApi.score(formId, path, value, reason.trim());
      setScore(''); setReason(''); setError('');
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div class="score-entry">
      <input name="review-score" inputMode="decimal" placeholder="复核得分" value={score} aria-label="复核得分"
        onInput={(e) => setScore(e.currentTarget.value)} />
      <input name="review-reason" placeholder="复核意见" value={reason} aria-label="复核意见"
        onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="button" onClick={save}>保存</button>
      {error && <span class="error-text" role="alert">{error}</span>}
    </div>
  );
}

export function ReviewScoreTable({ formId, draft, scores, mayScore, onSaved }: Props) {
  if (!mayScore && scores.length === 0) return null;
  const byPath = new Map(scores.map((s) => [s.path, s]));
  const leaves = draft.goals.flatMap((goal, g) => goal.indicators.map((ind, i) => ({ g, i, ind, path: leafPath(g, i) })))
    .filter((l) => mayScore || byPath.has(l.path));
  return (
    <table class="grid official review-scores" data-testid="review-scores">
      <caption>财政复核评分 <span class="sub">自评得分与复核得分对照</span></caption>
      <colgroup>
        <col class="c-name" /><col class="c-num" /><col class="c-num" /><col class="c-num" /><col class="c-num" />
        <col class="c-reason" /><col class="c-who" />{mayScore && <col class="c-entry" />}
      </colgroup>
      <thead>
        <tr>
          <th>三级指标</th><th>分值</th><th>自评得分</th><th>复核得分</th><th title="复核得分 − 自评得分">差额</th>
          <th>复核意见</th><th>复核人</th>{mayScore && <th>复核评分</th>}
        </tr>
      </thead>
      <tbody>
        {leaves.map(({ g, ind, path }) => {
          const s = byPath.get(path);
          const negative = s?.difference && /^-/.test(show(s.difference)) && show(s.difference) !== '-0';
          return (
            <tr key={path} data-score-path={path}>
              <td>{draft.goals.length > 1 && <span class="sub">目标{show(draft.goals[g].number, String(g + 1))} · </span>}{ind.name}</td>
              <td class="num">{show(ind.weight)}</td>
              <td class="num" data-testid="self-score">{show(s ? s.self_score : ind.score)}</td>
              <td class="num reviewer" data-testid="reviewer-score">{s ? show(s.reviewer_score) : '—'}</td>
              <td class={'num' + (negative ? ' sev-error' : '')} data-testid="difference">{s ? show(s.difference) : '—'}</td>
              <td data-testid="review-reason">{s?.reason ?? ''}</td>
              <td class="sub">{s?.reviewer ?? ''}</td>
              {mayScore && <td><ScoreEntry formId={formId} path={path} onSaved={onSaved} /></td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
