import type { CodedError } from '../../shared/errors/codes.ts';
import { vi } from '../i18n/vi.ts';

export function Loading() {
  return (
    <div className="load-state" aria-busy="true">
      <p className="muted">{vi.loading}</p>
    </div>
  );
}

export function LoadFailed({ error, onRetry }: { error: CodedError; onRetry?: () => void }) {
  return (
    <div className="load-state">
      <div className="card card-error" role="alert">
        <h1>{vi.errors.loadFailed}</h1>
        <p>{error.message}</p>
        <p className="toast-code">
          {vi.errors.code}: <code>{error.code}</code>
        </p>
        {onRetry && (
          <button type="button" className="button button-primary" onClick={onRetry}>
            {vi.retry}
          </button>
        )}
      </div>
    </div>
  );
}
