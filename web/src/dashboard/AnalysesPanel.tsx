// 跨表分析: the analyses of GET /api/analyses/{name} (SQL over the stored facts, docs/batch.md)
// for the dashboard's year, each as a table. Decimals arrive as exact JSON numbers and are
// shown from their digits; nothing is computed here.
import { useEffect, useState } from 'preact/hooks';
import { decimalText, isDecimal, parseExact } from '../api/exactJson';

type Column = { key: string; title: string; title_en: string; kind: string };
type Table = {
  id: string; title: string; title_en: string; columns: Column[];
  rows: unknown[][]; total_rows: unknown;
};

// A count (not a figure of a form): parseExact hands every number over as its text.
function count(value: unknown): number {
  return Number(isDecimal(value) ? decimalText(value) : value);
}

// The analyses shown, in this order; the full set is in `ziping report`.
const SHOWN = ['inflation', 'always_full', 'target_changes', 'execution_supervisors', 'grades',
  'total_mismatch'];
const ROWS = 10;

function shown(value: unknown, kind: string): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'flag') return value ? '是' : '';
  if (isDecimal(value)) return decimalText(value);
  return String(value);
}

async function fetchTable(id: string, year: string): Promise<Table> {
  const response = await fetch(`/api/analyses/${id}?year=${year}&limit=${ROWS}`);
  const text = await response.text();
  if (!response.ok) throw new Error(`${id}: ${response.status}`);
  return parseExact(text) as Table;
}

export function AnalysesPanel({ year }: { year: string }) {
  const [tables, setTables] = useState<Table[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!year) return;
    Promise.all(SHOWN.map((id) => fetchTable(id, year)))
      .then((t) => { setTables(t); setError(''); })
      .catch((e) => setError(e.message));
  }, [year]);
  return (
    <section class="panel wide analyses" data-testid="analyses">
      <h2>跨表分析 <small>analyses across forms</small></h2>
      {error && <p class="error-text">{error}</p>}
      {tables.map((t) => (
        <div class="analysis" data-testid={`analysis-${t.id}`} style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <h3>{t.title} <small>{t.title_en}</small>
            <span class="sub"> {t.rows.length < count(t.total_rows) ? `前 ${t.rows.length} / 共 ${count(t.total_rows)} 行` : `${count(t.total_rows)} 行`}</span>
          </h3>
          {t.rows.length === 0 ? <p class="sub">无 (none)</p> : (
            <table class="data">
              <thead><tr>{t.columns.map((c) => <th title={c.title_en}>{c.title}</th>)}</tr></thead>
              <tbody>
                {t.rows.map((row) => (
                  <tr>{row.map((v, i) => (
                    <td class={t.columns[i].kind === 'text' ? '' : 'num'}>{shown(v, t.columns[i].kind)}</td>
                  ))}</tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
