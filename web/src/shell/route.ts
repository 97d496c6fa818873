// Client-side routes on the History API. The server answers index.html for any path outside
// /api/, so every URL here can be reloaded or shared.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'list' }
  | { page: 'form'; id: number }
  | { page: 'chain'; id: number }
  | { page: 'dashboard' }
  | { page: 'import' }
  | { page: 'login' }
  | { page: 'account' }
  | { page: 'todo' }
  | { page: 'progress' }
  | { page: 'public' }
  | { page: 'public-form'; id: number }
  | { page: 'admin-users' }
  | { page: 'admin-orgs' }
  | { page: 'admin-audit' };

export function parseRoute(path: string): Route {
  const chain = /^\/forms\/(\d+)\/chain\/?$/.exec(path);
  if (chain) return { page: 'chain', id: Number(chain[1]) };
  const form = /^\/forms\/(\d+)\/?$/.exec(path);
  if (form) return { page: 'form', id: Number(form[1]) };
  const published = /^\/public\/forms\/(\d+)\/?$/.exec(path);
  if (published) return { page: 'public-form', id: Number(published[1]) };
  if (path.startsWith('/public')) return { page: 'public' };
  if (path.startsWith('/admin/users')) return { page: 'admin-users' };
  if (path.startsWith('/admin/orgs')) return { page: 'admin-orgs' };
  if (path.startsWith('/admin/audit')) return { page: 'admin-audit' };
  if (path.startsWith('/dashboard')) return { page: 'dashboard' };
  if (path.startsWith('/import')) return { page: 'import' };
  if (path.startsWith('/login')) return { page: 'login' };
  if (path.startsWith('/account')) return { page: 'account' };
  if (path.startsWith('/todo')) return { page: 'todo' };
  if (path.startsWith('/progress')) return { page: 'progress' };
  return { page: 'list' };
}

// Pages anyone may see without logging in: a 401 there is not a reason to leave.
export function isPublicRoute(route: Route): boolean {
  return route.page === 'public' || route.page === 'public-form' || route.page === 'login';
}

export function navigate(url: string, replace = false) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

// The login page, coming back to where the user was (a path of this site only).
export function loginUrl(): string {
  const here = location.pathname + location.search;
  return '/login' + (here.startsWith('/login') || here === '/' ? '' : '?next=' + encodeURIComponent(here));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}

// A plain <a> that navigates without reloading the page (modifier clicks still open tabs).
export function onLink(event: MouseEvent) {
  const a = (event.currentTarget as HTMLAnchorElement);
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(a.getAttribute('href') ?? '/');
}
