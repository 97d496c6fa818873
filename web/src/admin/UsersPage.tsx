// 用户管理 (administrators): every account with its role and organisation; add one (with a
// password typed or generated here and shown once), disable or enable it, reset its password.
// The server checks everything again (POST/PUT /api/users): this page only asks.
import { useEffect, useState } from 'preact/hooks';
import { adminApi, generatedPassword, type AdminUser, type Org } from '../api/admin';
import { roleLabel } from '../api/review';
import { when } from '../shell/format';

const MIN_BYTES = 8; // docs/accounts.md
// Which kind of organisation each role acts for (none for the administrator).
const orgKindOf: Record<string, string | null> = {
  filler: 'unit', unit_head: 'unit', supervisor: 'supervisor', finance: 'finance', admin: null,
};
const roles = ['filler', 'unit_head', 'supervisor', 'finance', 'admin'];

const locked = (u: AdminUser) => !!u.locked_until && new Date(u.locked_until).getTime() > Date.now();

// A password the administrator passes on: shown once, here, until the page is left.
interface Handover { login: string; password: string }

export function UsersPage() {
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [error, setError] = useState('');
  const [handover, setHandover] = useState<Handover | null>(null);
  const reload = () => adminApi.users().then((u) => setUsers(u.users)).catch((e) => setError(e.message));
  useEffect(() => {
    reload();
    adminApi.orgs().then((o) => setOrgs(o.orgs)).catch((e) => setError(e.message));
  }, []);

  const toggle = async (u: AdminUser) => {
    try { await adminApi.updateUser(u.id, { disabled: !u.disabled }); await reload(); }
    catch (e) { setError((e as Error).message); }
  };
  const reset = async (u: AdminUser) => {
    const password = generatedPassword();
    try {
      await adminApi.updateUser(u.id, { password });
      setHandover({ login: u.login, password });
      await reload();
    } catch (e) { setError((e as Error).message); }
  };

  return (
    <section class="admin-page users-page">
      <h1>用户管理 <span class="sub">Users</span></h1>
      {error && <p class="error-text" role="alert">{error}</p>}
      {handover && (
        <p class="card handover" data-testid="handover">
          账号 <b>{handover.login}</b> 的密码：<code data-testid="handover-password">{handover.password}</code>
          <span class="sub">（只显示这一次，请转交本人并提醒其登录后修改）</span>
          <button type="button" class="linklike" onClick={() => setHandover(null)}>关闭</button>
        </p>
      )}
      <AddUser orgs={orgs} onAdded={(login, password) => { setHandover({ login, password }); reload(); }} onError={setError} />
      <div class="table-pane">
        <table class="grid user-list">
          <thead>
            <tr><th>用户名</th><th>姓名</th><th>角色</th><th>所属组织</th><th>状态</th><th>建立时间</th><th>操作</th></tr>
          </thead>
          <tbody>
            {users?.map((u) => (
              <tr key={u.id} data-login={u.login} class={u.disabled ? 'disabled' : ''}>
                <td>{u.login}</td>
                <td>{u.name || '—'}</td>
                <td>{u.role_label || roleLabel[u.role]}</td>
                <td>{u.org ? `${u.org.name}（${u.org.kind_label}）` : '—'}</td>
                <td data-testid="user-state">{u.disabled ? '已停用' : locked(u) ? `锁定至 ${when(u.locked_until)}` : '正常'}</td>
                <td class="sub">{when(u.created_at)}</td>
                <td class="button-row">
                  <button type="button" data-action="toggle" class={u.disabled ? '' : 'danger'} onClick={() => toggle(u)}>
                    {u.disabled ? '启用' : '停用'}
                  </button>
                  <button type="button" data-action="reset" onClick={() => reset(u)}>重置密码</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AddUser({ orgs, onAdded, onError }: {
  orgs: Org[]; onAdded: (login: string, password: string) => void; onError: (m: string) => void;
}) {
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('filler');
  const [orgId, setOrgId] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const kind = orgKindOf[role];
  const choices = orgs.filter((o) => o.kind === kind);
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem('');
    const chosen = password || generatedPassword();
    if (new TextEncoder().encode(chosen).length < MIN_BYTES) return setProblem(`密码至少 ${MIN_BYTES} 个字节`);
    if (kind && !orgId) return setProblem('请选择所属组织');
    try {
      await adminApi.addUser({ login: login.trim(), name: name.trim(), role, password: chosen,
        ...(kind ? { org_id: Number(orgId) } : {}) });
      onAdded(login.trim(), chosen);
      setLogin(''); setName(''); setPassword(''); setOrgId('');
    } catch (err) {
      setProblem((err as Error).message);
      onError('');
    }
  };
  return (
    <form class="card add-user" onSubmit={submit} data-testid="add-user">
      <h2>新建用户</h2>
      <div class="form-row">
        <label>用户名<input name="login" value={login} required onInput={(e) => setLogin(e.currentTarget.value)} /></label>
        <label>姓名<input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label>角色
          <select name="role" value={role} onChange={(e) => { setRole(e.currentTarget.value); setOrgId(''); }}>
            {roles.map((r) => <option value={r}>{roleLabel[r]}</option>)}
          </select>
        </label>
        {kind && (
          <label>所属组织
            <select name="org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
              <option value="">请选择</option>
              {choices.map((o) => <option value={String(o.id)}>{o.name}</option>)}
            </select>
          </label>
        )}
        <label>密码<input name="password" type="text" autoComplete="new-password" value={password}
          placeholder="留空则自动生成" onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        <button type="submit" class="primary">添加用户</button>
      </div>
      {problem && <p class="error-text" role="alert">{problem}</p>}
    </form>
  );
}
