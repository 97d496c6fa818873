// 保存: a new revision on top of the one the draft was loaded from, with who and why. The name
// is remembered in this browser (there are no accounts yet).
import { useState } from 'preact/hooks';

interface Props {
  dirty: boolean;
  saving: boolean;
  baseRevision: number;
  message: string;
  onSave: (author: string, comment: string) => void;
}

const AUTHOR_KEY = 'ziping.author';

export function SavePanel({ dirty, saving, baseRevision, message, onSave }: Props) {
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [comment, setComment] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    localStorage.setItem(AUTHOR_KEY, author);
    onSave(author, comment);
    setComment('');
  };
  return (
    <form class="side-block save-panel" onSubmit={submit}>
      <h3>保存 <span class="sub">（基于第 {baseRevision} 版）</span></h3>
      <label>填写人<input name="author" value={author} placeholder="姓名" onInput={(e) => setAuthor(e.currentTarget.value)} /></label>
      <label>修改说明<input name="comment" value={comment} placeholder="本次修改了什么、为什么" onInput={(e) => setComment(e.currentTarget.value)} /></label>
      <div class="button-row">
        <button type="submit" class="primary" disabled={saving}>{saving ? '保存中…' : '保存为新版本'}</button>
        <span class={'dirty' + (dirty ? ' on' : '')} data-testid="dirty">{dirty ? '有未保存的修改' : '无未保存的修改'}</span>
      </div>
      {message && <p class="save-message" role="status">{message}</p>}
    </form>
  );
}
