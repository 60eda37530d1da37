/** Choose or drop files: a labelled file input (keyboard and screen readers) inside a drop zone. */
import { useId, useState, type DragEvent } from 'react';
import { FILE_LIMITS, fileSizeText } from '../../../shared/contract/files.ts';
import { exchangeText } from '../../i18n/exchange.ts';

export function FilePicker({
  onFiles,
  accept,
  multiple = false,
  busy = false,
  label,
  testId,
  maxBytes = FILE_LIMITS.uploadMaxBytes,
  progress = null,
}: {
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  busy?: boolean;
  /** The input's accessible name. */
  label: string;
  testId?: string;
  /** The largest file accepted (shown as a hint). */
  maxBytes?: number;
  /** While busy: the share sent so far, 0..1 (large files go in parts). */
  progress?: number | null;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      className={`x-drop${over ? ' x-drop-over' : ''}${busy ? ' x-drop-busy' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={testId}
    >
      {busy ? (
        <p className="x-drop-text" aria-live="polite">
          {exchangeText.files.uploading}
          {progress !== null && ` ${Math.floor(progress * 100)}%`}
          {progress !== null && <progress className="bar x-drop-progress" max={1} value={progress} />}
        </p>
      ) : (
        <p className="x-drop-text">
          {multiple ? exchangeText.files.dropMany : exchangeText.files.drop}{' '}
          <label htmlFor={id} className="button button-secondary button-small x-drop-button">
            {multiple ? exchangeText.files.chooseMany : exchangeText.files.choose}
          </label>
          <input
            id={id}
            type="file"
            className="sr-only"
            aria-label={label}
            accept={accept}
            multiple={multiple}
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
        </p>
      )}
      <p className="hint x-drop-hint">{exchangeText.files.limit(fileSizeText(maxBytes))}</p>
    </div>
  );
}
