// 修改密码: the current password and the new one twice. The server ends the user's other
// sessions; this one stays.
import { useState } from 'preact/hooks';
import { reviewApi, roleLabel } from '../api/review';
import { useSession } from '../shell/session';

const MIN_BYTES = 8; // docs/accounts.md: at least 8 bytes

export function PasswordPage() {
  const { user, setUser } = useSession();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (new TextEncoder().encode(fresh).length < MIN_BYTES)
      return setMessage({ ok: false, text: `新密码至少 ${MIN_BYTES} 个字节` });
    if (fresh !== again) return setMessage({ ok: false, text: '两次输入的新密码不一致' });
    try {
      const s = await reviewApi.changePassword(current, fresh); // a new session: the old one ended
      setUser(s.user);
      setMessage({ ok: true, text: '密码已修改' });
      setCurrent(''); setFresh(''); setAgain('');
    } catch (err) {
      setMessage({ ok: false, text: '修改失败：' + (err as Error).message });
    }
  };
  return (
    <section class="account-page">
      <h1>我的账号 <span class="sub">Account</span></h1>
      {user && (
        <table class="grid account-facts">
          <tbody>
            <tr><th>用户名</th><td>{user.login}</td></tr>
            <tr><th>角色</th><td>{user.role_label || roleLabel[user.role]}</td></tr>
            <tr><th>所属组织</th><td>{user.org ? `${user.org.name}（${user.org.kind_label}）` : '—'}</td></tr>
          </tbody>
        </table>
      )}
      <form class="card password-card" onSubmit={submit}>
        <h2>修改密码</h2>
        <label>当前密码<input name="current" type="password" autoComplete="current-password" value={current} required
          onInput={(e) => setCurrent(e.currentTarget.value)} /></label>
        <label>新密码<input name="new" type="password" autoComplete="new-password" value={fresh} required
          onInput={(e) => setFresh(e.currentTarget.value)} /></label>
        <label>再次输入新密码<input name="again" type="password" autoComplete="new-password" value={again} required
          onInput={(e) => setAgain(e.currentTarget.value)} /></label>
        {message && <p class={message.ok ? 'save-message' : 'error-text'} role="status">{message.text}</p>}
        <button type="submit" class="primary">修改密码</button>
      </form>
    </section>
  );
}
