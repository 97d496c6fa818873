// Display of what the server computed. Never rounds or converts a figure: the server already
// rounded, and its decimals are shown with the digits it wrote (97.43, 0.80), from their text.
import { decimalText, isDecimal, type DecimalText } from '../api/exactJson';

type Shown = DecimalText | number | string | null | undefined;

// A decimal's digits, a count, or a text as it is; `fallback` when there is nothing.
export function show(value: Shown, fallback = '—'): string {
  if (value === null || value === undefined) return fallback;
  return isDecimal(value) ? decimalText(value) : String(value);
}

// A rate the server gives in percent (87.26 → "87.26%").
export function percent(value: DecimalText | null | undefined): string {
  return value === null || value === undefined ? '—' : `${decimalText(value)}%`;
}

// A signed deviation ratio (-0.1694, 1.9500) as a percentage (-16.94%, +195.00%): the decimal
// point moved two places in the text, every digit kept. Display only.
export function deviationPercent(ratio: DecimalText | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(decimalText(ratio));
  if (!m) return decimalText(ratio); // an exponent: shown as written
  const [, sign, whole, fraction = ''] = m;
  const padded = fraction.padEnd(2, '0');
  const integer = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2);
  const digits = rest ? `${integer}.${rest}` : integer;
  const zero = /^[0.]*$/.test(digits);
  return `${zero ? '' : sign === '-' ? '-' : '+'}${digits}%`;
}

// Whether a ratio is below zero, read from its sign (for the colour of a deviation).
export function isNegative(value: DecimalText): boolean {
  return /^-(?!0*(\.0*)?$)/.test(decimalText(value));
}

export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const kindLabel: Record<string, string> = {
  department: '部门整体支出',
  project: '项目支出',
};

export const severityLabel: Record<string, string> = {
  error: '错误',
  warning: '警告',
  note: '提示',
};

export function gradeClass(grade: string | undefined): string {
  return ({ 优: 'grade-a', 良: 'grade-b', 中: 'grade-c', 差: 'grade-d' } as Record<string, string>)[grade ?? ''] ?? '';
}
