// The indicator table's columns: the field catalogue's indicator fields as the server sends
// them (/api/vocabulary), never a list of our own. A `variant` column (指标解释, 度量单位,
// 评(扣)分标准 …) is drawn when some leaf of the form fills it, as the printed form does.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { FormContent, IndicatorField } from '../api/types';
import type { CellKind } from './Cell';

let fieldsOnce: Promise<IndicatorField[]> | null = null;

function loadFields(): Promise<IndicatorField[]> {
  fieldsOnce ??= api.vocabulary().then((v) => v.indicator_fields);
  fieldsOnce.catch(() => { fieldsOnce = null; }); // a failed load is tried again next time
  return fieldsOnce;
}

// The catalogue's indicator fields, or null while they load; an error text if they cannot.
export function useIndicatorFields(): { fields: IndicatorField[] | null; error: string } {
  const [fields, setFields] = useState<IndicatorField[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    loadFields().then((f) => live && setFields(f)).catch((e) => live && setError(String(e.message ?? e)));
    return () => { live = false; };
  }, []);
  return { fields, error };
}

function filled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

// The columns to draw for this form, in catalogue (official) order.
export function visibleColumns(fields: IndicatorField[], form: FormContent): IndicatorField[] {
  return fields.filter((f) => f.presence !== 'variant'
    || form.goals.some((g) => g.indicators.some((leaf) => filled(leaf[f.key]))));
}

// The merged 一级/二级指标 cells, drawn by the table over runs of equal names.
export const isLevel = (f: IndicatorField) => f.key === 'level1' || f.key === 'level2';

export function cellKind(f: IndicatorField): CellKind {
  switch (f.kind) {
    case 'decimal': return 'decimal';
    case 'integer': return 'whole';
    case 'bool': return 'flag';
    default: return f.key === 'deviation_reason' ? 'long' : 'wrap';
  }
}

// The CSS class of a column (its width and alignment in app.css).
export function columnClass(f: IndicatorField): string {
  if (isLevel(f)) return 'level';
  if (f.key === 'name') return 'name';
  if (f.key === 'deviation_reason') return 'reason';
  if (f.kind === 'value') return 'value';
  if (f.kind === 'decimal' || f.kind === 'integer' || f.kind === 'bool') return 'num';
  return 'text';
}
