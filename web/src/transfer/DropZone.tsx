// Drop a file here or pick one: both end in the same handler. The accepted extensions come
// from the readable formats of GET /api/formats.
import { useState } from 'preact/hooks';

interface Props {
  extensions: string[];
  busy: boolean;
  onFile: (file: File) => void;
}

export function DropZone({ extensions, busy, onFile }: Props) {
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      class={'drop-zone' + (over ? ' over' : '') + (busy ? ' busy' : '')}
      data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer?.files); }}
    >
      <p class="drop-title">把表单文件拖到这里</p>
      <p class="sub">可读格式：{extensions.join(' ') || '…'}</p>
      <label class="button">
        选择文件…
        <input type="file" name="file" accept={extensions.join(',')} class="visually-hidden"
          onChange={(e) => { take(e.currentTarget.files); e.currentTarget.value = ''; }} />
      </label>
    </div>
  );
}
