/**
 * Importing a previous year's results (a summary table: unit, group, benchmark,
 * self-assessed, surveys — the same files `results --summary` reads) into a cycle, for
 * the year-on-year columns and the previous-year-delta scoring kind. The published index
 * of each unit is computed exactly as it was published (half up at the cycle's precision)
 * and matched to the cycle's units by name. Preview (commit false) or import (commit true,
 * one transaction replacing that year's rows, with an audit row).
 */
import { serialize } from '../../../shared/decimal/rational.ts';
import { PREVIOUS_ERRORS } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { groupLabeller } from '../../../shared/framework/groups.ts';
import { cycleGroupOrder, listCycleGroups } from '../db/repos/groups.ts';
import { computeResults } from '../../../shared/results/compute.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { cycleSurveyLimits } from '../summary/limits.ts';
import { readSummaryFile } from '../summary/read.ts';
import type { LocatedFigures, SeenUnits } from '../summary/table.ts';
import { unitMatcher } from '../survey/units.ts';
import { previousResults } from './context.ts';
import { type PreviousResultRow, replacePreviousResults, tableExists } from '../db/repos/report.ts';
import { type DecimalText, scaledDecimalText } from '../../../shared/decimal/text.ts';

export interface PreviousImportOptions {
  /** The year of the results (default: the cycle's year − 1). */
  readonly year?: number;
  readonly commit?: boolean;
  readonly actor?: string;
  /** Skip units not in the cycle (merged, renamed) instead of refusing the files. */
  readonly allowUnmatched?: boolean;
  /** Names shown in messages, by path (default: the path). */
  readonly fileNames?: Readonly<Record<string, string>>;
}

interface PreviousImportRow {
  readonly unitId: string;
  readonly unit: string;
  /** The name as written in the file. */
  readonly fileUnit: string;
  readonly group: UnitGroup;
  readonly index: DecimalText;
  /** The stored index of that year before the import. */
  readonly before: DecimalText | null;
  readonly file: string;
  readonly row: number;
}

export interface PreviousImportPreview {
  readonly cycleId: string;
  readonly year: number;
  readonly precision: number;
  readonly rows: readonly PreviousImportRow[];
  readonly unmatched: readonly {
    readonly unit: string;
    readonly group: UnitGroup;
    readonly index: DecimalText;
    readonly file: string;
    readonly row: number;
  }[];
  /** Units of the cycle without a previous-year index after the import. */
  readonly missing: readonly { readonly unitId: string; readonly unit: string }[];
  readonly committed: boolean;
}

export async function importPreviousResults(
  db: Db,
  cycleId: string,
  paths: readonly string[],
  options: PreviousImportOptions = {},
): Promise<PreviousImportPreview> {
  const cycle = requireCycle(db, cycleId);
  const year = options.year ?? cycle.year - 1;
  if (!Number.isInteger(year) || year < 1900 || year >= cycle.year) {
    throw new CodedFailure(
      PREVIOUS_ERRORS.YEAR_INVALID,
      `Năm của kết quả năm trước phải là số nguyên nhỏ hơn năm của kỳ đánh giá (${cycle.year}), không phải “${options.year}”.`,
      {
        year: String(options.year),
      },
    );
  }
  if (paths.length === 0)
    throw new CodedFailure(PREVIOUS_ERRORS.NO_FILES, 'Chưa chọn tệp bảng tổng hợp kết quả năm trước.');
  const seen: SeenUnits = new Map();
  const located: LocatedFigures[] = [];
  const limits = cycleSurveyLimits(db, cycleId);
  for (const p of paths) located.push(...(await readSummaryFile(p, options.fileNames?.[p] ?? p, seen, limits)));
  const precision = cycle.precision;
  const results = computeResults(
    located.map((l) => l.figures),
    precision,
    cycleGroupOrder(db, cycleId),
  );
  const published = new Map(results.units.map((u) => [u.unit, u.published]));
  const matcher = unitMatcher(db, cycleId);
  const names = groupLabeller(listCycleGroups(db, cycleId));
  const before = previousResults(db, cycleId, year, precision);
  const rows: PreviousImportRow[] = [];
  const unmatched: PreviousImportPreview['unmatched'][number][] = [];
  const taken = new Map<string, LocatedFigures>();
  const byUnit = new Map<string, LocatedFigures>();
  for (const l of located) {
    const f = l.figures;
    const index = scaledDecimalText(published.get(f.unit)!, precision);
    const unit = matcher.match(f.unit);
    if (!unit) {
      if (options.allowUnmatched) {
        unmatched.push({ unit: f.unit, group: f.group, index, file: l.file, row: l.row });
        continue;
      }
      throw new CodedFailure(
        PREVIOUS_ERRORS.UNIT_NOT_IN_CYCLE,
        `Tệp ${l.file}, dòng ${l.row}, cột "${l.unitColumn}": đơn vị “${f.unit}” không có trong kỳ đánh giá ${cycle.year}; sửa tên cho trùng với tên trong kỳ hoặc bỏ qua các đơn vị này.`,
        { file: l.file, row: l.row, column: l.unitColumn, value: f.unit },
      );
    }
    if (unit.group !== f.group) {
      throw new CodedFailure(
        PREVIOUS_ERRORS.GROUP_MISMATCH,
        `Tệp ${l.file}, dòng ${l.row}: đơn vị “${f.unit}” thuộc nhóm “${names.label(f.group)}” trong tệp nhưng thuộc nhóm “${names.label(unit.group)}” trong kỳ đánh giá.`,
        { file: l.file, row: l.row, value: f.unit },
      );
    }
    const dup = taken.get(unit.id);
    if (dup) {
      throw new CodedFailure(
        PREVIOUS_ERRORS.DUPLICATE_MATCH,
        `Tệp ${l.file}, dòng ${l.row}: “${f.unit}” và “${dup.figures.unit}” (tệp ${dup.file}, dòng ${dup.row}) cùng ứng với đơn vị “${unit.name}”.`,
        { file: l.file, row: l.row, value: f.unit },
      );
    }
    taken.set(unit.id, l);
    byUnit.set(unit.id, l);
    const b = before.get(unit.id);
    rows.push({
      unitId: unit.id,
      unit: unit.name,
      fileUnit: f.unit,
      group: f.group,
      index,
      before: b ? scaledDecimalText(b.published, precision) : null,
      file: l.file,
      row: l.row,
    });
  }
  if (rows.length === 0) {
    throw new CodedFailure(
      PREVIOUS_ERRORS.NO_MATCH,
      `Không đơn vị nào trong tệp trùng tên với đơn vị của kỳ đánh giá ${cycle.year}.`,
    );
  }
  const missing = matcher.units.filter((u) => !byUnit.has(u.id)).map((u) => ({ unitId: u.id, unit: u.name }));
  const preview = { cycleId, year, precision, rows, unmatched, missing };
  if (!options.commit) return { ...preview, committed: false };
  if (!tableExists(db, 'previous_results'))
    throw new CodedFailure('DB_SCHEMA_OLD', 'Cơ sở dữ liệu chưa có bảng kết quả năm trước (cần cập nhật).');
  const at = new Date().toISOString();
  tx(db, () => {
    const stored: PreviousResultRow[] = [];
    for (const r of rows) {
      const f = byUnit.get(r.unitId)!.figures;
      stored.push({
        unitId: r.unitId,
        unitName: r.fileUnit,
        group: f.group,
        benchmark: serialize(f.benchmark),
        selfAssessed: serialize(f.selfAssessed),
        surveyCbccvc: serialize(f.surveyCbccvc),
        surveySipas: serialize(f.surveySipas),
        published: r.index,
        precision,
        sourceFile: r.file,
      });
    }
    replacePreviousResults(db, cycleId, year, stored, at);
    appendAudit(db, {
      actor: options.actor ?? 'secretariat',
      action: 'previous.import',
      entity: 'previous_results',
      entityId: `${cycleId}/${year}`,
      before:
        before.size > 0
          ? Object.fromEntries([...before].map(([k, v]) => [k, scaledDecimalText(v.published, precision)]))
          : null,
      after: Object.fromEntries(rows.map((r) => [r.unitId, r.index])),
      reason: `Nhập từ ${[...new Set(rows.map((r) => r.file))].join(', ')}`,
      at,
    });
  });
  return { ...preview, committed: true };
}

/** The previous-year-delta inputs of a unit (previousIndex = year − 1, earlierIndex = year − 2), when both years were imported. */
export function previousYearDeltaInput(
  db: Db,
  cycleId: string,
  unitId: string,
): { previousIndex: DecimalText; earlierIndex: DecimalText } | null {
  const cycle = requireCycle(db, cycleId);
  const p = previousResults(db, cycleId, cycle.year - 1, cycle.precision).get(unitId);
  const e = previousResults(db, cycleId, cycle.year - 2, cycle.precision).get(unitId);
  return p && e
    ? {
        previousIndex: scaledDecimalText(p.published, cycle.precision),
        earlierIndex: scaledDecimalText(e.published, cycle.precision),
      }
    : null;
}
