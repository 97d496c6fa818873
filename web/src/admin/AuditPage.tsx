// 审计日志 (administrators): the most recent entries of the hash-chained audit trail, and 校验,
// which recomputes the whole chain on the server (GET /api/audit/verify, the same check as
// `ziping audit verify`) and shows 校验通过 or the first entry that does not fit.
import { useEffect, useState } from 'preact/hooks';
import { adminApi, type AuditEntry, type AuditVerification } from '../api/admin';
import { when } from '../shell/format';

// As `ziping audit verify` says it (src/cli/cmd_audit.cc).
const brokenLabel: Record<string, string> = {
  changed: '内容与其哈希不符，记录被改动过',
  unlinked: '所记上一条的哈希与上一条不符',
  gap: '序号不连续，有记录被删除',
};

export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState('');
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    adminApi.audit(200).then((a) => setEntries(a.entries)).catch((e) => setError(e.message));
  }, []);
  const verify = async () => {
    setChecking(true);
    try { setVerification(await adminApi.verify()); }
    catch (e) { setError((e as Error).message); }
    finally { setChecking(false); }
  };
  return (
    <section class="admin-page audit-page">
      <h1>审计日志 <span class="sub">Audit trail</span></h1>
      {error && <p class="error-text" role="alert">{error}</p>}
      <div class="button-row">
        <button type="button" class="primary" data-testid="audit-verify" disabled={checking} onClick={verify}>
          {checking ? '校验中…' : '校验'}
        </button>
        {verification && (verification.ok ? (
          <span class="save-message" data-testid="audit-result">
            校验通过：共 {verification.entries} 条，末条哈希 <code title={verification.head}>{verification.head.slice(0, 16)}…</code>
            <span class="sub">（请另行保存末条哈希：数据库被整体改写时，只有它能发现）</span>
          </span>
        ) : (
          <span class="error-text" data-testid="audit-result">
            校验失败：第 {verification.broken} 条不符 — {brokenLabel[verification.kind] ?? ''}
            <span class="sub">（{verification.problem}）此后的记录不再可信</span>
          </span>
        ))}
      </div>
      <div class="table-pane">
        <table class="grid audit-list">
          <thead>
            <tr><th>序号</th><th>时间</th><th>操作人</th><th>动作</th><th>表单</th><th>版本</th><th>说明</th><th>哈希</th></tr>
          </thead>
          <tbody>
            {entries?.map((e) => (
              <tr key={e.seq} data-seq={e.seq} class={verification?.broken === e.seq ? 'overdue' : ''}>
                <td class="num">{e.seq}</td>
                <td class="sub">{when(e.at)}</td>
                <td>{e.actor}</td>
                <td><code>{e.action}</code></td>
                <td class="num">{e.form_id ?? '—'}</td>
                <td class="num">{e.revision ?? '—'}</td>
                <td>{e.detail}</td>
                <td class="sub"><code title={e.hash}>{e.hash.slice(0, 12)}</code></td>
              </tr>
            ))}
            {entries && entries.length === 0 && <tr><td colSpan={8} class="empty">还没有审计记录</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
