// The diagnostics pinned to one cell: a coloured corner on the cell and, on hover, their
// messages. The full text is also in the row's diagnostic line and the side list.
import type { Diagnostic } from '../api/types';
import { worst } from './pins';

export function markerClass(diagnostics: Diagnostic[]): string {
  const w = worst(diagnostics);
  return w ? ` pinned pinned-${w}` : '';
}

export function markerTitle(diagnostics: Diagnostic[]): string | undefined {
  if (!diagnostics.length) return undefined;
  return diagnostics.map((d) => `${d.code} ${d.message}\n(${d.message_en})`).join('\n');
}
