import { vi } from '../i18n/vi.ts';

/** "Nhóm 2" in its classification colour; the bounds in the tooltip. */
export function ClassificationBadge({ group, testId }: { group: number; testId?: string }) {
  return (
    <span className={`class-badge class-${group}`} title={vi.classification.long[group]} data-testid={testId}>
      {vi.classification.short(group)}
    </span>
  );
}
