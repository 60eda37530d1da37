/**
 * Importing sociological survey points (điểm ĐTXHH) into a cycle, from .csv or .xlsx:
 *
 * - kind 'points': one row per unit with its points per survey (columns unit + survey_cbccvc
 *   and/or survey_sipas, headers in English or in the report's Vietnamese), optionally the
 *   respondents (respondents_cbccvc / "Số phiếu CBCCVC"…);
 * - kind 'responses': one row per respondent of one survey (--source), a unit column and
 *   question columns ("Câu 1", "Q1", "C1"…) holding the options of the scale (A, B, C, D),
 *   aggregated to per-unit points with the counts (see shared/report/survey.ts).
 *
 * The same call previews (commit false) and imports (commit true): every row is checked
 * first and the first problem is a coded Vietnamese error naming file, row and column;
 * the import is one transaction (survey points, response summaries, audit rows).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Rational, serialize } from '../../../shared/decimal/rational.ts';
import { SURVEY_ERRORS } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { SurveySource } from '../../../shared/report/survey.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { listResponseSummaries, putResponseSummary, putSurveyPoints } from '../db/repos/survey.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { readRawTable } from './read.ts';
import type { DecimalText } from '../../../shared/decimal/text.ts';
import {
  type SurveyFileContext,
  type SurveyImportKind,
  type SurveyImportOptions,
  type SurveyImportPreview,
  prevText,
} from './import-rows.ts';
import { isQuestionHeader } from './file-cells.ts';
import { pointsFile } from './points-file.ts';
import { responsesFile } from './responses-file.ts';

/** The benchmark imports the tally from here. */
export { tallyResponses } from './responses-file.ts';

/** Reads, checks and (with commit) imports a survey file into the cycle. */
export async function importSurveyFile(
  db: Db,
  cycleId: string,
  path: string,
  options: SurveyImportOptions = {},
): Promise<SurveyImportPreview> {
  const cycle = requireCycle(db, cycleId);
  const file = options.fileName ?? path;
  const table = await readRawTable(path, file, 'SURVEY');
  const kind: SurveyImportKind = options.kind ?? (table.headers.some(isQuestionHeader) ? 'responses' : 'points');
  const ctx: SurveyFileContext = { db, cycleId, file, options };
  let preview: ReturnType<typeof pointsFile> & { summaries?: Map<string, { satisfaction: Rational }> };
  if (kind === 'responses') {
    if (!options.source)
      throw new CodedFailure(
        SURVEY_ERRORS.SOURCE_REQUIRED,
        'Tệp phiếu khảo sát cần chỉ rõ cuộc khảo sát: cbccvc (Khảo sát CBCCVC) hoặc sipas (Chỉ số SIPAS).',
      );
    preview = responsesFile(ctx, table, options.source);
  } else {
    preview = pointsFile(ctx, table);
  }
  const { exact, summaries, ...view } = preview;
  if (!options.commit) return { ...view, committed: false };
  if (cycle.status === 'finalised') {
    throw new CodedFailure(
      SURVEY_ERRORS.CYCLE_FINALISED,
      `Kỳ đánh giá “${cycle.name}” đã chốt kết quả; không thể nhập điểm khảo sát.`,
    );
  }
  const actor = options.actor ?? 'secretariat';
  const at = new Date().toISOString();
  // The file's hash in every audit row of the import (the file was read whole above, within its size cap).
  const fileSha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  tx(db, () => {
    for (const r of view.rows) {
      const points = exact.get(`${r.unitId}/${r.source}`)!;
      putSurveyPoints(db, {
        unitId: r.unitId,
        source: r.source,
        points: serialize(points),
        respondents: r.respondents,
        importedAt: at,
      });
      if (view.kind === 'responses') {
        putResponseSummary(db, {
          unitId: r.unitId,
          source: r.source,
          respondents: r.respondents ?? 0,
          answers: r.answers ?? 0,
          blanks: r.blanks ?? 0,
          optionCounts: JSON.stringify(r.optionCounts ?? {}),
          satisfaction: serialize(summaries!.get(r.unitId)!.satisfaction),
          points: serialize(points),
          scale: JSON.stringify(view.scale),
          file,
          importedAt: at,
        });
      }
      appendAudit(db, {
        actor,
        action: 'survey.import',
        entity: 'survey_points',
        entityId: `${r.unitId}/${r.source}`,
        before: r.previous,
        after: { points: serialize(points), respondents: r.respondents, kind: view.kind, fileSha256 },
        reason: `Nhập từ tệp ${file}`,
        at,
      });
    }
  });
  return { ...view, committed: true };
}

/** What an import of raw responses stored, per unit and source (for the screens' counts). */
export interface SurveyResponseSummary {
  readonly unitId: string;
  readonly source: SurveySource;
  readonly respondents: number;
  readonly answers: number;
  readonly blanks: number;
  readonly optionCounts: Readonly<Record<string, number>>;
  readonly satisfaction: DecimalText;
  readonly points: DecimalText;
  readonly file: string;
  readonly importedAt: string;
}

export function surveyResponseSummaries(db: Db, cycleId: string): SurveyResponseSummary[] {
  return listResponseSummaries(db, cycleId).map((r) => ({
    ...r,
    optionCounts: JSON.parse(r.optionCounts) as Record<string, number>,
    satisfaction: prevText(r.satisfaction),
    points: prevText(r.points),
  }));
}
