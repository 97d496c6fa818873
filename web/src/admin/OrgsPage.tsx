// 组织机构 (administrators): the tree 财政局 → 主管部门 → 预算单位 from GET /api/orgs, and the
// import of the CSV that `ziping org import` reads (docs/accounts.md): chosen as a file or
// pasted, all or nothing; the server's diagnostics name the line of each problem.
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../api/client';
import { adminApi, type Org } from '../api/admin';

interface Problem { message: string; location?: { file?: string; line?: number } }

export function OrgsPage() {
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [error, setError] = useState('');
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const reload = () => adminApi.orgs().then((o) => setOrgs(o.orgs)).catch((e) => setError(e.message));
  useEffect(() => { reload(); }, []);

  const pick = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) setCsv(await file.text());
  };
  const upload = async (e: Event) => {
    e.preventDefault();
    setResult(''); setProblems([]);
    try {
      const r = await adminApi.importOrgs(csv);
      setResult(`导入完成：新增 ${r.created} 个，更新 ${r.updated} 个`);
      setCsv('');
      await reload();
    } catch (err) {
      // 422 invalid_orgs: details.diagnostics is the diagnostics document ({diagnostics: […]}).
      const report = err instanceof ApiFailure ? err.details.diagnostics as { diagnostics?: Problem[] } | undefined : undefined;
      const list = report?.diagnostics ?? [];
      setProblems(list.length ? list : [{ message: (err as Error).message }]);
    }
  };

  const children = new Map<number | null, Org[]>();
  for (const o of orgs ?? []) {
    const parent = o.parent_id !== null && orgs?.some((p) => p.id === o.parent_id) ? o.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const branch = (parent: number | null) => {
    const list = children.get(parent);
    if (!list) return null;
    return (
      <ul>
        {list.map((o) => (
          <li key={o.id} data-org={o.name} data-kind={o.kind}>
            <span class={'org-kind ' + o.kind}>{o.kind_label}</span> {o.name}
            {o.code && <span class="sub"> · {o.code}</span>}
            {branch(o.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section class="admin-page orgs-page">
      <h1>组织机构 <span class="sub">Organisations</span></h1>
      {error && <p class="error-text" role="alert">{error}</p>}
      <div class="org-tree" data-testid="org-tree">
        {orgs && orgs.length === 0 ? <p class="sub">还没有组织机构：请导入组织机构表。</p> : branch(null)}
      </div>
      <form class="card org-import" onSubmit={upload}>
        <h2>导入组织机构表 (CSV)</h2>
        <p class="sub">列：类型,名称,上级,代码（或 kind,name,parent,code）；上级在下级之前；UTF-8 或 GB18030。重复导入只新增和更新，不删除。</p>
        <input type="file" accept=".csv,text/csv" onChange={pick} />
        <textarea name="csv" rows={6} value={csv} placeholder={'类型,名称,上级,代码\n财政局,某市财政局,,'}
          onInput={(e) => setCsv(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={!csv.trim()}>导入</button>
        {result && <p class="save-message" role="status">{result}</p>}
        {problems.length > 0 && (
          <ul class="error-text" data-testid="import-problems">
            {problems.map((p) => <li>{p.location?.line ? `第 ${p.location.line} 行：` : ''}{p.message}</li>)}
          </ul>
        )}
      </form>
    </section>
  );
}
