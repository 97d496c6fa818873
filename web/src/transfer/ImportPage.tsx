// 导入: read a file in any readable format (POST /api/import), show what the reader and the
// checker found, located in the file (sheet!cell, line:col, page), then file it as a new form.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Diagnostic, ImportResult } from '../api/types';
import { gradeClass, kindLabel, severityLabel, show } from '../shell/format';
import { navigate } from '../shell/route';
import { useFormats } from './ExportButtons';
import { DropZone } from './DropZone';

function where(d: Diagnostic): string {
  const l = d.location;
  if (!l) return d.path;
  if (l.cell) return l.cell;
  if (l.page) return `第 ${l.page} 页`;
  if (l.line) return `${l.line}:${l.column ?? ''}`;
  return d.path;
}

export function ImportPage() {
  const formats = useFormats().filter((f) => f.read);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; diagnostics: Diagnostic[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (f: File) => {
    setFile(f);
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await api.importFile(f, false, ''));
    } catch (e: any) {
      setError({ message: e.message, diagnostics: e.details?.diagnostics ?? [] });
    } finally {
      setBusy(false);
    }
  };
  const file_it = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const saved = await api.importFile(file, true, ''); // the server names the logged-in user
      if (saved.saved) navigate(`/forms/${saved.saved.form.id}`);
    } catch (e: any) {
      setError({ message: e.message, diagnostics: [] });
    } finally {
      setBusy(false);
    }
  };

  const s = result?.score;
  const c = result?.content;
  const diagnostics = error?.diagnostics ?? s?.diagnostics ?? [];
  return (
    <section class="import-page">
      <h1>导入表单</h1>
      <DropZone extensions={formats.flatMap((f) => f.extensions)} busy={busy} onFile={read} />
      {busy && <p class="sub">读取中…</p>}
      {error && <p class="error-text" role="alert">{error.message}</p>}
      {result && c && s && (
        <div class="import-result" data-testid="import-result">
          <h2>{result.file_name} <span class="sub">（{result.format}）</span></h2>
          <p>
            {kindLabel[c.kind]} · {c.department}{c.project && ` · ${c.project}`} · {show(c.year)} 年度 ·
            总分 <strong data-testid="import-total">{show(s.total)}</strong>
            <span class={'grade ' + gradeClass(s.grade)} data-testid="import-grade">{s.grade || '—'}</span> ·
            {s.summary.errors} 错误 {s.summary.warnings} 警告 {s.summary.notes} 提示
          </p>
          <div class="button-row">
            <button type="button" class="primary" onClick={file_it} disabled={busy}>保存为新表单并打开</button>
          </div>
        </div>
      )}
      {diagnostics.length > 0 && (
        <table class="grid import-diagnostics">
          <thead><tr><th>级别</th><th>代码</th><th>位置</th><th>说明</th></tr></thead>
          <tbody>
            {diagnostics.map((d) => (
              <tr class={'sev-' + d.severity}>
                <td>{severityLabel[d.severity]}</td><td>{d.code}</td><td>{where(d)}</td>
                <td title={d.message_en}>{d.subject && `${d.subject}：`}{d.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
