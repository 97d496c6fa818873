// A page whose code is fetched the first time it is shown (a separate Vite chunk).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function LazyPage({ load }: { load: () => Promise<ComponentType> }) {
  const [Page, setPage] = useState<ComponentType | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    load().then((c) => setPage(() => c)).catch((e) => setError(String(e)));
  }, [load]);
  if (error) return <p class="error-text">页面载入失败：{error}</p>;
  return Page ? <Page /> : <p class="sub">载入中…</p>;
}
