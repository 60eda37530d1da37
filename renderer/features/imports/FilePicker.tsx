/**
 * Choosing .csv / .xlsx files: a file input and a drop zone. The chosen files are uploaded
 * at once (files.upload → tickets); paths never leave the page.
 */
import { useId, useRef, useState } from 'react';
import { fileSizeText, type UploadedFile } from '../../../shared/contract/files.ts';
import { DocIcon } from '../../components/icons.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';
import { uploadFile } from '../exchange/files.ts';

const I = resultsText.imports;

export function FilePicker({
  multiple,
  disabled,
  files,
  onFiles,
  testId,
}: {
  multiple?: boolean;
  disabled?: boolean;
  files: readonly UploadedFile[];
  onFiles: (files: UploadedFile[]) => void;
  testId: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    const out: UploadedFile[] = [];
    for (const f of Array.from(list).slice(0, multiple ? 8 : 1)) {
      const r = await uploadFile(f);
      if (!r.ok) toastStore.error(r.error);
      else out.push(r.value);
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (out.length > 0) onFiles(out);
  };

  return (
    <div
      className={`r-drop${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) void take(e.dataTransfer.files);
      }}
    >
      <input
        ref={input}
        id={id}
        className="sr-only"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={multiple}
        disabled={disabled || busy}
        data-testid={testId}
        onChange={(e) => void take(e.target.files)}
      />
      <label htmlFor={id} className="button button-secondary button-small">
        {multiple ? I.files : I.file}: {I.chooseFile}
      </label>
      <span className="muted">{busy ? I.uploading : I.dropHint}</span>
      {files.length > 0 && (
        <ul className="r-files">
          {files.map((f) => (
            <li key={f.ticket}>
              <DocIcon /> <strong>{f.name}</strong> <span className="muted">({fileSizeText(f.size)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
