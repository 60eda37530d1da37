/** One file chosen and uploaded at once (files.upload → ticket); paths never leave the page. */
import { useId, useRef, useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import { toastStore } from '../../components/toast-store.ts';
import { uploadFile } from '../exchange/files.ts';

export function Upload({
  label,
  accept,
  onFile,
  disabled,
  testId,
}: {
  label: string;
  accept: string;
  onFile: (f: UploadedFile) => void;
  disabled?: boolean;
  testId: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <label className="st-upload button button-secondary button-small" htmlFor={id} aria-disabled={disabled || busy}>
      {label}
      <input
        ref={input}
        id={id}
        className="sr-only"
        type="file"
        accept={accept}
        disabled={disabled || busy}
        data-testid={testId}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          setBusy(true);
          const r = await uploadFile(f);
          setBusy(false);
          if (input.current) input.current.value = '';
          if (!r.ok) toastStore.error(r.error);
          else onFile(r.value);
        }}
      />
    </label>
  );
}

export function CodedMessage({ error }: { error: { code: string; message: string } }) {
  return (
    <div className="r-import-error" role="alert" data-testid="setup-error">
      <p>{error.message}</p>
      <p className="toast-code">
        Mã lỗi: <code>{error.code}</code>
      </p>
    </div>
  );
}
