/** A coded refusal shown where it happened (Vietnamese message, then its code). */
import type { CodedError } from '../../../shared/errors/codes.ts';
import { exchangeText } from '../../i18n/exchange.ts';

export function CodedMessage({ error, testId }: { error: CodedError; testId?: string }) {
  return (
    <div className="x-error" role="alert" data-testid={testId} data-code={error.code}>
      <p className="x-error-message">{error.message}</p>
      <p className="x-error-code">
        {exchangeText.common.code}: <code>{error.code}</code>
      </p>
    </div>
  );
}
