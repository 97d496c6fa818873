// 保存: a new revision on top of the one the draft was loaded from, with why. The server names
// the logged-in user as its author.
import { useState } from 'preact/hooks';
import { useSession } from '../shell/session';

interface Props {
  dirty: boolean;
  saving: boolean;
  baseRevision: number;
  message: string;
  onSave: (author: string, comment: string) => void;
}

export function SavePanel({ dirty, saving, baseRevision, message, onSave }: Props) {
  const { user } = useSession();
  const [comment, setComment] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    onSave(user?.login ?? '', comment);
    setComment('');
  };
  return (
    <form class="side-block save-panel" onSubmit={submit}>
      <h3>保存 <span class="sub">（基于第 {baseRevision} 版）</span></h3>
      <p class="sub">保存人：{user ? `${user.name || user.login}（${user.role_label}）` : '—'}</p>
      <label>修改说明<input name="comment" value={comment} placeholder="本次修改了什么、为什么" onInput={(e) => setComment(e.currentTarget.value)} /></label>
      <div class="button-row">
        <button type="submit" class="primary" disabled={saving}>{saving ? '保存中…' : '保存为新版本'}</button>
        <span class={'dirty' + (dirty ? ' on' : '')} data-testid="dirty">{dirty ? '有未保存的修改' : '无未保存的修改'}</span>
      </div>
      {message && <p class="save-message" role="status">{message}</p>}
    </form>
  );
}
