// One editable cell of the official table, addressed by its form path. Text cells edit a
// string. Decimal cells edit the number's own digits: what is typed is sent as that JSON number
// ("0.80" stays 0.80, never 0.8) when it is one, and as text otherwise, for the server to
// diagnose rather than dropping it. Whole cells (年度) hold a JS number: exact, no fraction.
import { useEffect, useState } from 'preact/hooks';
import { decimalOf, decimalText, isDecimal } from '../api/exactJson';
import { getAt } from './formPath';
import { useEditor } from './EditorContext';
import { markerClass, markerTitle } from './CellMarker';

// wrap: a short text that may run to two lines; flag: 是/否 (a JSON true/false)
export type CellKind = 'text' | 'wrap' | 'long' | 'decimal' | 'whole' | 'flag';

interface Props {
  path: string;
  kind?: CellKind;
  label?: string; // for screen readers and the tooltip: "实际完成值"
  class?: string;
  rowSpan?: number;
  colSpan?: number;
}

const WHOLE = /^-?(?:0|[1-9]\d{0,14})$/; // JSON integers a JS number holds exactly

// What a typed number cell means in the form: null when empty; the number, kept as its text;
// else the text itself.
function entered(kind: Props['kind'], text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (kind === 'whole') return WHOLE.test(t) ? Number(t) : t;
  if (kind === 'flag') return t === '是' ? true : t === '否' ? false : t;
  return decimalOf(t) ?? t;
}

// The text a cell shows for a value of the form: a decimal's digits, a year, a text.
function textOf(value: unknown): string {
  if (isDecimal(value)) return decimalText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value === null || value === undefined ? '' : String(value);
}

export function Cell({ path, kind = 'text', label, class: extra = '', rowSpan, colSpan }: Props) {
  const { draft, pins, edit, readOnly } = useEditor();
  const numeric = kind === 'decimal' || kind === 'whole';
  const typed = numeric || kind === 'flag'; // the text is read into a value of the form
  const shown = textOf(getAt(draft, path));
  const [text, setText] = useState(shown);
  // Take the draft's value unless it is what the local text already says (" 0.80" while typing).
  useEffect(() => {
    if (!typed || textOf(entered(kind, text)) !== shown) setText(shown);
  }, [shown]);
  const diagnostics = pins.at(path);
  const comments = pins.commentsAt(path);
  const onInput = (e: Event) => {
    const t = (e.currentTarget as HTMLInputElement).value;
    setText(t);
    edit(path, typed ? entered(kind, t) : t);
  };
  const common = {
    'data-path': path,
    'aria-label': label,
    title: markerTitle(diagnostics, comments) ?? label,
    value: text,
    onInput,
    readOnly,
  };
  return (
    <td rowSpan={rowSpan} colSpan={colSpan} class={`cell cell-${kind}${markerClass(diagnostics, comments)} ${extra}`}>
      {kind === 'long' || kind === 'wrap'
        ? <textarea rows={2} {...common} />
        : <input type="text" inputMode={numeric ? 'decimal' : undefined} {...common} />}
      <span class="print-value" aria-hidden="true">{text}</span>
    </td>
  );
}
