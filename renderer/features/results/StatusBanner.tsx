/**
 * Draft or final, above every results screen: "Tạm tính" with what is still open (unresolved
 * conflicts, provisional scores, units without survey points) until the cycle is finalised;
 * after it, the date and the snapshot's hash.
 */
import type { ReportStatus } from '../../../shared/report/types.ts';
import { formatIsoDate } from '../../../shared/format/vi.ts';
import { resultsText } from '../../i18n/results.ts';
import { int } from './format.ts';

const S = resultsText.status;

export function StatusBanner({ status }: { status: ReportStatus }) {
  if (status.finalised) {
    return (
      <div className="notice r-status r-status-final" role="status" data-testid="results-status" data-state="final">
        <strong className="chip chip-approved">{S.final}</strong>{' '}
        {S.finalText(status.finalisedAt ? formatIsoDate(status.finalisedAt) : '')}{' '}
        <span className="r-hash">
          {S.hash}: <code data-testid="results-snapshot-hash">{status.snapshotHash}</code>
        </span>
      </div>
    );
  }
  const open = [
    status.unresolvedConflicts > 0 ? S.conflicts(int(status.unresolvedConflicts)) : null,
    status.provisionalScores > 0 ? S.provisional(int(status.provisionalScores)) : null,
    status.notComputable > 0 ? S.notComputable(int(status.notComputable)) : null,
  ].filter((x): x is string => x !== null);
  return (
    <div className="notice r-status r-status-draft" role="status" data-testid="results-status" data-state="draft">
      <strong className="chip chip-proposed">{S.draft}</strong> {S.draftText}
      {open.length > 0 && (
        <ul className="r-status-open">
          {open.map((t) => (
            <li key={t} data-testid="status-open">
              {t}.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
