// Display of what the server computed. Never rounds a score: the server already did, and its
// numbers are shown as they come (97.43, 0.8).

export function show(value: number | null | undefined, fallback = '—'): string {
  return value === null || value === undefined ? fallback : String(value);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}

// A signed deviation ratio (−0.1694) as the forms print it (−16.94%). Display only.
export function deviationPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  const p = (ratio * 100).toFixed(2);
  return ratio > 0 ? `+${p}%` : `${p}%`;
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
