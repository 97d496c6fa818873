// A form's place in the review chain, coloured like the list's status badges.
import { stateLabel } from '../api/review';

export function StateBadge({ state, label }: { state: string; label?: string }) {
  return <span class={'state state-' + state} data-state={state}>{label || stateLabel[state] || state}</span>;
}
