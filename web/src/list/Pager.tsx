// Paging by the API's limit/offset; `total` counts every match.
interface Props {
  total: number;
  limit: number;
  offset: number;
  onOffset: (offset: number) => void;
}

export function Pager({ total, limit, offset, onOffset }: Props) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <div class="pager">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>上一页</button>
      <span class="pager-state">第 {page} / {pages} 页，共 {total} 张</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>下一页</button>
    </div>
  );
}
