// The frame around every page: the title bar with the places of the workbench the user's role
// has (hidden when printing), who is logged in, and the page the route names. A 401 from any
// call, or a private page opened without a session, goes to the login page and back.
import { useEffect, useState } from 'preact/hooks';
import { onUnauthorized } from '../api/client';
import { reviewApi, roleLabel, type User } from '../api/review';
import { LoginPage } from '../account/LoginPage';
import { PasswordPage } from '../account/PasswordPage';
import { FormList } from '../list/FormList';
import { FormEditor } from '../editor/FormEditor';
import { ProgressBoard } from '../review/ProgressBoard';
import { PublicList } from '../review/PublicList';
import { TodoPage } from '../review/TodoPage';
import { LazyPage } from './LazyPage';
import { ImportPage } from '../transfer/ImportPage';
import { ChainPage } from '../chain/ChainPage';
import { AuditPage } from '../admin/AuditPage';
import { OrgsPage } from '../admin/OrgsPage';
import { UsersPage } from '../admin/UsersPage';
import { isPublicRoute, loginUrl, navigate, onLink, parseRoute, useRoute } from './route';
import { oversees, SessionContext } from './session';

// ECharts is two thirds of the code: only the dashboard needs it, so it loads with that page.
const loadDashboard = () => import('../dashboard/Dashboard').then((m) => m.Dashboard);

export function App() {
  const route = useRoute();
  const [user, setUser] = useState<User | null>(null);
  const [known, setKnown] = useState(false);

  useEffect(() => {
    reviewApi.session().then((s) => setUser(s.authenticated ? s.user : null)).catch(() => setUser(null)).finally(() => setKnown(true));
  }, []);
  useEffect(() => {
    onUnauthorized(() => {
      setUser(null);
      if (!isPublicRoute(parseRoute(location.pathname))) navigate(loginUrl(), true);
    });
    return () => onUnauthorized(null);
  }, []);
  useEffect(() => {
    if (known && !user && !isPublicRoute(route)) navigate(loginUrl(), true);
  }, [known, user, route]);

  const logout = async () => {
    await reviewApi.logout().catch(() => {});
    setUser(null);
    navigate('/login', true);
  };

  const tab = (href: string, label: string, title: string, active: boolean) => (
    <a href={href} onClick={onLink} class={active ? 'active' : ''} title={title}>{label}</a>
  );
  const fills = user?.role === 'filler' || user?.role === 'unit_head';
  // The administration pages: the server refuses them to every other role (endpoints.def).
  const admin = user?.role === 'admin';
  const privatePage = !isPublicRoute(route);
  return (
    <SessionContext.Provider value={{ user, known, setUser }}>
      <div class="app">
        <header class="topbar no-print">
          <a href={user ? '/todo' : '/public'} onClick={onLink} class="brand" title="ziping self-evaluation workbench">自评工作台</a>
          <nav>
            {user && tab('/todo', '我的待办', 'my to-do', route.page === 'todo')}
            {user && tab('/', '表单列表', 'forms', route.page === 'list' || route.page === 'form' || route.page === 'chain')}
            {oversees(user) && tab('/progress', '填报进度', 'progress of my units', route.page === 'progress')}
            {user && tab('/dashboard', '年度概览', 'dashboard', route.page === 'dashboard')}
            {fills && tab('/import', '导入', 'import', route.page === 'import')}
            {admin && tab('/admin/users', '用户管理', 'users', route.page === 'admin-users')}
            {admin && tab('/admin/orgs', '组织机构', 'organisations', route.page === 'admin-orgs')}
            {admin && tab('/admin/audit', '审计日志', 'audit trail', route.page === 'admin-audit')}
            {tab('/public', '公开表单', 'published forms', route.page === 'public' || route.page === 'public-form')}
          </nav>
          <div class="who">
            {user ? (
              <>
                <span data-testid="current-user" title={user.login}>
                  {user.login}<span class="role-badge" data-testid="current-role">{user.role_label || roleLabel[user.role]}</span>
                  {user.org && <span class="org" title={user.org.kind_label}>{user.org.name}</span>}
                </span>
                <a href="/account" onClick={onLink}>修改密码</a>
                <button type="button" class="linklike" onClick={logout}>退出登录</button>
              </>
            ) : route.page !== 'login' && <a href={loginUrl()} onClick={onLink}>登录</a>}
          </div>
        </header>
        <main class="page">
          {privatePage && !user ? <p class="sub">{known ? '请先登录…' : '载入中…'}</p> : (
            <>
              {route.page === 'login' && <LoginPage />}
              {route.page === 'account' && <PasswordPage />}
              {route.page === 'todo' && <TodoPage />}
              {route.page === 'progress' && <ProgressBoard />}
              {route.page === 'list' && <FormList />}
              {route.page === 'form' && <FormEditor key={route.id} id={route.id} />}
              {route.page === 'chain' && <ChainPage key={'c' + route.id} id={route.id} />}
              {route.page === 'dashboard' && <LazyPage load={loadDashboard} />}
              {route.page === 'import' && <ImportPage />}
              {route.page === 'public' && <PublicList />}
              {route.page.startsWith('admin-') && !admin && <p class="error-text">只有管理员可以使用此页面</p>}
              {route.page === 'admin-users' && admin && <UsersPage />}
              {route.page === 'admin-orgs' && admin && <OrgsPage />}
              {route.page === 'admin-audit' && admin && <AuditPage />}
              {route.page === 'public-form' && <FormEditor key={'p' + route.id} id={route.id} publicView />}
            </>
          )}
        </main>
      </div>
    </SessionContext.Provider>
  );
}
