// Client-side routes on the History API. The server answers index.html for any path outside
// /api/, so every URL here can be reloaded or shared.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'list' }
  | { page: 'form'; id: number }
  | { page: 'dashboard' }
  | { page: 'import' };

export function parseRoute(path: string): Route {
  const form = /^\/forms\/(\d+)\/?$/.exec(path);
  if (form) return { page: 'form', id: Number(form[1]) };
  if (path.startsWith('/dashboard')) return { page: 'dashboard' };
  if (path.startsWith('/import')) return { page: 'import' };
  return { page: 'list' };
}

export function navigate(url: string) {
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
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
