/** A key fingerprint as people compare it aloud: 8 groups of 4, each numbered. */
import { exchangeText } from '../../i18n/exchange.ts';

export function Fingerprint({
  display,
  size = 'normal',
  testId,
}: {
  display: string;
  size?: 'normal' | 'large' | 'small';
  testId?: string;
}) {
  const groups = display.split(' ');
  return (
    <span
      className={`x-fp x-fp-${size}`}
      role="img"
      aria-label={exchangeText.fingerprint.aria(display)}
      data-testid={testId}
      data-fingerprint={display}
    >
      {groups.map((g, i) => (
        <span key={i} className="x-fp-group">
          <span className="x-fp-text">{g}</span>
          {size === 'large' && (
            <span className="x-fp-index" aria-hidden="true">
              {i + 1}
            </span>
          )}
        </span>
      ))}
    </span>
  );
}
