// 审核流程 in the editor's side column: where the form stands, the steps the logged-in user may
// take now (the server says which: review_chain.def × endpoints.def), a reason where the step
// needs one (退回, 撤回), and the form's history of transitions.
import { useState } from 'preact/hooks';
import { reviewApi, roleLabel, type StepOffer, type FormReview } from '../api/review';
import { when } from '../shell/format';
import { StateBadge } from './StateBadge';

interface Props {
  formId: number;
  review: FormReview;
  dirty: boolean;
  onChanged: () => void;
}

const hint: Record<string, string> = {
  submit: '签发并上报主管部门',
  return: '退回单位修改（须写明原因）',
  approve: '审核通过',
  reopen: '撤回已作出的通过（须写明原因）',
  publish: '向社会公开',
};

export function ReviewPanel({ formId, review, dirty, onChanged }: Props) {
  const [chosen, setChosen] = useState<StepOffer | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (a: StepOffer) => {
    if (a.reason_required && !reason.trim()) {
      setChosen(a);
      setError(`请填写${a.action_label}原因`);
      return;
    }
    setBusy(true);
    setError('');
    try {
      await reviewApi.transition(formId, a.action, review.review_state, reason.trim());
      setReason('');
      setChosen(null);
      onChanged();
    } catch (e) {
      setError(`${a.action_label}失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const needsReason = review.actions.some((a) => a.reason_required);
  return (
    <section class="side-block review-panel" data-testid="review-panel">
      <h3>审核流程 <StateBadge state={review.review_state} label={review.review_state_label} /></h3>
      {review.actions.length > 0 ? (
        <>
          {needsReason && (
            <label><span>原因 / 意见{chosen?.reason_required && <span class="required">（必填）</span>}</span>
              <textarea name="reason" rows={2} value={reason} placeholder="退回或撤回时必须写明原因"
                onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          )}
          <div class="button-row">
            {review.actions.map((a) => (
              <button type="button" class={a.action === 'return' || a.action === 'reopen' ? 'danger' : 'primary'}
                data-action={a.action} disabled={busy || (a.action === 'submit' && dirty)}
                title={a.action === 'submit' && dirty ? '请先保存修改' : `${hint[a.action]} → ${a.to_label}`}
                onClick={() => act(a)}>{a.action_label}</button>
            ))}
          </div>
          {dirty && review.actions.some((a) => a.action === 'submit') && <p class="sub">有未保存的修改：请先保存再上报。</p>}
        </>
      ) : review.editable && review.review_state === 'returned'
        ? <p class="sub">表单已退回本单位：请按批注和退回原因修改并保存，再由单位负责人重新上报。</p>
        : <p class="sub">当前状态下您没有可执行的审核操作。</p>}
      {review.may_score && (
        <p><button type="button" class="linklike jump" onClick={() => document.querySelector('[data-testid=review-scores]')
          ?.scrollIntoView({ block: 'start' })}>→ 填写财政复核评分</button></p>
      )}
      {error && <p class="error-text" role="alert">{error}</p>}
      {review.events.length > 0 && (
        <ol class="event-list">
          {[...review.events].reverse().map((e) => (
            <li key={e.id} data-event-action={e.action}>
              <div><strong>{e.action_label}</strong> · {e.role_label || roleLabel[e.role]} {e.actor} · <span class="sub">{when(e.at)}</span></div>
              <div class="sub">{e.from_label} → {e.to_label}（第 {e.revision} 版）</div>
              {e.reason && <div class="event-reason">{e.reason}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
