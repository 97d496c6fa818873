// Clicking a diagnostic brings its cell into view and puts the cursor in it. A path with no
// cell of its own ("goals[3].indicators[1]", "total.score") falls back to the nearest node
// that has one.
import { parentPath } from './formPath';

export function focusCell(path: string) {
  for (let p = path; p; p = parentPath(p)) {
    const target = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`) ??
      document.querySelector<HTMLElement>(`[data-row="${CSS.escape(p)}"] [data-path]`);
    if (!target) continue;
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
    target.focus({ preventScroll: true });
    const holder = target.closest('td, th') ?? target;
    holder.classList.add('flash');
    setTimeout(() => holder.classList.remove('flash'), 1200);
    return;
  }
}
