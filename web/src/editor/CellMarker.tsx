// What is pinned to one cell: a coloured corner for the diagnostics, a speech-mark corner for
// reviewers' comments and, on hover, their texts. The full text is also in the row's line
// under it and the side lists.
import type { ReviewComment } from '../api/review';
import type { Diagnostic } from '../api/types';
import { worst } from './pins';

export function markerClass(diagnostics: Diagnostic[], comments: ReviewComment[] = []): string {
  const w = worst(diagnostics);
  return (w ? ` pinned pinned-${w}` : '') + (comments.length ? ' commented' : '');
}

export function markerTitle(diagnostics: Diagnostic[], comments: ReviewComment[] = []): string | undefined {
  const lines = [
    ...comments.map((c) => `批注（${c.author}）：${c.text}`),
    ...diagnostics.map((d) => `${d.code} ${d.message}\n(${d.message_en})`),
  ];
  return lines.length ? lines.join('\n') : undefined;
}
