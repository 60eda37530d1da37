/** A written reason (most decisions require one): a labelled text area. */
import { useId } from 'react';

export function ReasonField({
  label,
  value,
  onChange,
  rows = 2,
  testId,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  testId?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="x-input"
        rows={rows}
        maxLength={1000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
