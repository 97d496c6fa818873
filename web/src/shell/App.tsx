// The frame around every page: the title bar with the four places of the workbench (hidden
// when printing) and the page the route names.
import { onLink, useRoute } from './route';
import { FormList } from '../list/FormList';
import { FormEditor } from '../editor/FormEditor';
import { LazyPage } from './LazyPage';
import { ImportPage } from '../transfer/ImportPage';

// ECharts is two thirds of the code: only the dashboard needs it, so it loads with that page.
const loadDashboard = () => import('../dashboard/Dashboard').then((m) => m.Dashboard);

export function App() {
  const route = useRoute();
  const tab = (href: string, label: string, title: string, active: boolean) => (
    <a href={href} onClick={onLink} class={active ? 'active' : ''} title={title}>{label}</a>
  );
  return (
    <div class="app">
      <header class="topbar no-print">
        <a href="/" onClick={onLink} class="brand" title="ziping self-evaluation workbench">自评工作台</a>
        <nav>
          {tab('/', '表单列表', 'forms', route.page === 'list' || route.page === 'form')}
          {tab('/dashboard', '年度概览', 'dashboard', route.page === 'dashboard')}
          {tab('/import', '导入', 'import', route.page === 'import')}
        </nav>
      </header>
      <main class="page">
        {route.page === 'list' && <FormList />}
        {route.page === 'form' && <FormEditor key={route.id} id={route.id} />}
        {route.page === 'dashboard' && <LazyPage load={loadDashboard} />}
        {route.page === 'import' && <ImportPage />}
      </main>
    </div>
  );
}
