/**
 * The report's sentences with the secretariat's edits: read (generated + edits), edit one
 * sentence, revert it. Edits are kept by sentence key with the generated text they
 * replaced, so a sentence whose figures changed after the edit shows as stale.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { NARRATIVE_ERRORS } from '../../../shared/errors/catalogue.ts';
import {
  type NarrativeEdit,
  type NarrativeSection,
  generateNarrative,
  narrativeOf,
} from '../../../shared/report/narrative.ts';
import type { Report } from '../../../shared/report/types.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { deleteNarrativeEdit, listNarrativeEdits, putNarrativeEdit } from '../db/repos/report.ts';
import { cycleReport } from './report.ts';

const NARRATIVE_MAX_LENGTH = 5000;

function narrativeEdits(db: Db, cycleId: string): Map<string, NarrativeEdit> {
  const out = new Map<string, NarrativeEdit>();
  for (const r of listNarrativeEdits(db, cycleId)) {
    out.set(r.key, { text: r.text, generated: r.generated });
  }
  return out;
}

/** The sentences of a report with the stored edits applied. */
export function narrativeFor(db: Db, cycleId: string, report: Report): NarrativeSection[] {
  return narrativeOf(report, narrativeEdits(db, cycleId));
}

/** The cycle's sentences (generated from the current results, edits applied). */
export function cycleNarrative(db: Db, cycleId: string): NarrativeSection[] {
  return narrativeFor(db, cycleId, cycleReport(db, cycleId));
}

/**
 * Replaces the text of one sentence (`text` null or equal to the generated text reverts it).
 * Returns the sentences after the change.
 */
export function editNarrative(
  db: Db,
  cycleId: string,
  key: string,
  text: string | null,
  actor: string,
): NarrativeSection[] {
  requireCycle(db, cycleId);
  const report = cycleReport(db, cycleId);
  const generated = generateNarrative(report)
    .flatMap((s) => s.sentences)
    .find((s) => s.key === key);
  if (!generated)
    throw new CodedFailure(NARRATIVE_ERRORS.UNKNOWN_KEY, `Không có câu “${key}” trong phần nhận xét của kỳ đánh giá.`, {
      key,
    });
  const t = text === null ? null : text.normalize('NFC').trim();
  if (t !== null && t.length > NARRATIVE_MAX_LENGTH) {
    throw new CodedFailure(NARRATIVE_ERRORS.TOO_LONG, `Câu nhận xét dài quá ${NARRATIVE_MAX_LENGTH} ký tự.`, { key });
  }
  const before = narrativeEdits(db, cycleId).get(key) ?? null;
  const at = new Date().toISOString();
  tx(db, () => {
    if (t === null || t === generated.text) {
      deleteNarrativeEdit(db, cycleId, key);
    } else {
      putNarrativeEdit(db, cycleId, key, t, generated.text, at);
    }
    appendAudit(db, {
      actor,
      action: t === null || t === generated.text ? 'narrative.revert' : 'narrative.edit',
      entity: 'narrative',
      entityId: `${cycleId}/${key}`,
      before,
      after: t === null || t === generated.text ? null : { text: t, generated: generated.text },
      at,
    });
  });
  return narrativeFor(db, cycleId, report);
}
