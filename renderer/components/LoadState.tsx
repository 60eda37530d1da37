import type { CodedError } from '../../shared/errors/codes.ts';
import { vi } from '../i18n/vi.ts';
import { NoCycleGuide } from './NoCycleGuide.tsx';

export function Loading() {
  return (
    <div className="load-state" aria-busy="true">
      <p className="muted">{vi.loading}</p>
    </div>
  );
}

export function LoadFailed({ error, onRetry }: { error: CodedError; onRetry?: () => void }) {
  // An empty machine is not an error: it opens on the guide to its first cycle.
  if (error.code === 'NO_CYCLE') return <NoCycleGuide />;
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
