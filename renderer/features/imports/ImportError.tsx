/** A refused import, in place: the Vietnamese message (file, row, column) and its code. */
import type { CodedError } from '../../../shared/errors/codes.ts';
import { vi } from '../../i18n/vi.ts';

export function ImportError({ error }: { error: CodedError }) {
  return (
    <div className="r-import-error" role="alert" data-testid="import-error">
      <p>{error.message}</p>
      <p className="toast-code">
        {vi.errors.code}: <code>{error.code}</code>
      </p>
    </div>
  );
}
