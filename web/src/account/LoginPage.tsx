// 登录: login name and password; on success back to the page that sent the user here (a path
// of this site only), or to 我的待办.
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client';
import { reviewApi } from '../api/review';
import { navigate, onLink } from '../shell/route';
import { useSession } from '../shell/session';

// Only a local path: "?next=https://elsewhere" must not turn the login into a redirector.
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/todo';
}

export function LoginPage() {
  const { setUser } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const s = await reviewApi.login(login.trim(), password);
      setUser(s.user);
      navigate(nextPath(), true);
    } catch (err) {
      const f = err as ApiFailure;
      setError(f.status === 401 || f.status === 403 ? f.message || '用户名或密码不正确' : '登录失败：' + f.message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="login-page">
      <form class="card login-card" onSubmit={submit} data-testid="login-form">
        <h1>登录 <span class="sub">Log in</span></h1>
        <p class="sub">预算绩效自评工作台：填报、审核、复核与公开。</p>
        <label>用户名<input name="login" autoComplete="username" value={login} required
          onInput={(e) => setLogin(e.currentTarget.value)} /></label>
        <label>密码<input name="password" type="password" autoComplete="current-password" value={password} required
          onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        {error && <p class="error-text" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? '登录中…' : '登录'}</button>
        <p class="sub">没有账号？请联系管理员（<code>ziping user add</code>）。不登录也可以查看<a href="/public" onClick={onLink}>公开表单</a>。</p>
      </form>
    </section>
  );
}
