// One editable cell of the official table, addressed by its form path. Text cells edit a
// string; number cells keep what the user types until it is a number (so "0.80" can be typed),
// and send anything else as text for the server to diagnose rather than dropping it.
import { useEffect, useState } from 'preact/hooks';
import { getAt } from './formPath';
import { useEditor } from './EditorContext';
import { markerClass, markerTitle } from './CellMarker';

interface Props {
  path: string;
  kind?: 'text' | 'wrap' | 'long' | 'number'; // wrap: a short text that may run to two lines
  label?: string; // for screen readers and the tooltip: "实际完成值"
  class?: string;
  rowSpan?: number;
  colSpan?: number;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseNumber(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return DECIMAL.test(t) ? Number(t) : t;
}

export function Cell({ path, kind = 'text', label, class: extra = '', rowSpan, colSpan }: Props) {
  const { draft, pins, edit, readOnly } = useEditor();
  const value = getAt(draft, path);
  const shown = value === null || value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  // Take the draft's value unless it is what the local text already means (keeps "0.80").
  useEffect(() => {
    if (kind !== 'number' || parseNumber(text) !== value) setText(shown);
  }, [shown]);
  const diagnostics = pins.at(path);
  const onInput = (e: Event) => {
    const t = (e.currentTarget as HTMLInputElement).value;
    setText(t);
    edit(path, kind === 'number' ? parseNumber(t) : t);
  };
  const common = {
    'data-path': path,
    'aria-label': label,
    title: markerTitle(diagnostics) ?? label,
    value: text,
    onInput,
    readOnly,
  };
  return (
    <td rowSpan={rowSpan} colSpan={colSpan} class={`cell cell-${kind}${markerClass(diagnostics)} ${extra}`}>
      {kind === 'long' || kind === 'wrap'
        ? <textarea rows={2} {...common} />
        : <input type="text" inputMode={kind === 'number' ? 'decimal' : undefined} {...common} />}
      <span class="print-value" aria-hidden="true">{text}</span>
    </td>
  );
}
