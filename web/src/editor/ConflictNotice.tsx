// A stale save (409): someone saved meanwhile. Nothing was overwritten and the user's draft is
// still on screen. They can merge (their changed cells kept, the rest taken from the current
// version) and keep editing, or drop their changes and load the current version.
import type { FormDocument } from '../api/types';
import { isDecimal } from '../api/exactJson';
import { show, when } from '../shell/format';
import type { Clash } from './merge';

interface Props {
  message: string;
  current: FormDocument;
  clashes: Clash[];
  onMerge: () => void;
  onDiscard: () => void;
}

// The cell's own label ("实际完成值") and, for an indicator, its 三级指标, read from the table.
function cellName(path: string): string {
  const cell = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const label = cell?.getAttribute('aria-label');
  const row = cell?.closest('[data-row]')?.querySelector<HTMLTextAreaElement>('[data-path$=".name"]');
  return label ? (row && row !== cell ? `「${row.value}」${label}` : label) : path;
}

const text = (v: unknown) => (v === null || v === undefined ? '（空）'
  : isDecimal(v) ? show(v) : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function ConflictNotice({ message, current, clashes, onMerge, onDiscard }: Props) {
  const r = current.revision;
  return (
    <section class="conflict" role="alert" data-testid="conflict">
      <h3>保存冲突</h3>
      <p>{message}</p>
      <p>当前是第 {r.number} 版：{r.author}，{when(r.created_at)}，{r.comment || '（无说明）'}</p>
      {clashes.length > 0 && (
        <>
          <p>双方都改过的单元格（合并时保留您的）：</p>
          <ul class="clashes">
            {clashes.map((c) => <li title={c.path}>{cellName(c.path)}：您 {text(c.mine)}；对方 {text(c.theirs)}</li>)}
          </ul>
        </>
      )}
      <div class="button-row">
        <button type="button" class="primary" onClick={onMerge}>合并到第 {r.number} 版并继续编辑</button>
        <button type="button" onClick={onDiscard}>放弃我的修改，载入第 {r.number} 版</button>
      </div>
    </section>
  );
}
