// 核算: what the server counted for a score cell, beside the declared one. Hovering shows how
// it was derived ("74.75% ÷ 90% × 1 = 0.83") and the interval the rules allow.
import type { DecimalText } from '../api/types';
import { show } from '../shell/format';

interface Props {
  score: DecimalText | null | undefined;
  derivation?: string;
  allowed?: { min: DecimalText; max: DecimalText; basis: string } | null;
  differs?: boolean;
  testId?: string;
}

export function ScoreCheck({ score, derivation, allowed, differs, testId }: Props) {
  const tip = [derivation, allowed && `允许区间 [${show(allowed.min)}, ${show(allowed.max)}]：${allowed.basis}`]
    .filter(Boolean).join('\n');
  return (
    <td class={'check' + (differs ? ' differs' : '')} tabIndex={tip ? 0 : undefined} data-testid={testId}>
      <span class="check-value">{show(score)}</span>
      {tip && <span class="derivation" role="tooltip">{tip}</span>}
    </td>
  );
}
