// One download per format the server can write. The list comes from GET /api/formats, so a
// writer added to the registry (xlsx, csv, html, pdf …) shows up here without a UI change.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Format } from '../api/types';

export function useFormats(): Format[] {
  const [formats, setFormats] = useState<Format[]>([]);
  useEffect(() => { api.formats().then((f) => setFormats(f.formats)).catch(() => {}); }, []);
  return formats;
}

export function ExportButtons({ formId, revision }: { formId: number; revision: number }) {
  const writable = useFormats().filter((f) => f.write);
  return (
    <section class="side-block export-buttons">
      <h3>导出 <span class="sub">（已保存的第 {revision} 版）</span></h3>
      <div class="button-row">
        {writable.map((f) => (
          <a class="button" href={api.exportUrl(formId, f.name)} download data-format={f.name}
             title={f.description}>{f.name.toUpperCase()}</a>
        ))}
        <button type="button" onClick={() => print()} title="print the form table">打印</button>
      </div>
    </section>
  );
}
