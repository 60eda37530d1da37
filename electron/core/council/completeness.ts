/**
 * The completeness matrix (units × fields) that gates finalisation. Per cell, over the
 * appraised sub-criteria (survey leaves are imported, not appraised):
 *
 *   total                   applicable sub-criteria not exempted (approved)
 *   appraised               of those, with a final score (merged or decided)
 *   missingEvidence         of those, with no evidence cited (dossier or appraisal) or a cited file missing/changed
 *   exemptionsWithoutReason exemptions (proposed or approved) lacking a reason or a legal basis
 *   exemptionsPending       exemption proposals not yet approved or rejected
 *   openConflicts           sub-criteria whose assigned members disagree, undecided
 *
 * Ready to finalise when every cell is appraised in full, with no open conflict, no pending
 * exemption and none without a reason; missing evidence blocks unless the secretariat
 * accepts it explicitly (with its reason, logged).
 */
import { type ItemKey, itemKey, judge } from '../../../shared/exchange/merge.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import { appraisalCitations, cycleExemptionStates, dossierCitations } from '../db/repos/council.ts';
import { evidenceStatus } from '../evidence/files.ts';
import { cycleMergeState } from './candidates.ts';
import { cycleContext } from '../exchange/cycle-context.ts';

interface CompletenessCell {
  readonly field: string;
  readonly total: number;
  readonly appraised: number;
  readonly missingEvidence: number;
  readonly exemptionsWithoutReason: number;
  readonly exemptionsPending: number;
  readonly openConflicts: number;
  readonly complete: boolean;
}

interface CompletenessRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly group: UnitGroup;
  /** Aligned with `fields`; null where the field does not apply to the unit's group. */
  readonly cells: readonly (CompletenessCell | null)[];
}

type CompletenessTotals = Omit<CompletenessCell, 'field' | 'complete'>;

export interface CompletenessMatrix {
  readonly cycleId: string;
  readonly fields: readonly { readonly code: string; readonly title: string }[];
  readonly rows: readonly CompletenessRow[];
  readonly totals: CompletenessTotals;
  /** Vietnamese sentences, one per kind of blocker. */
  readonly blockers: readonly string[];
  /** No blocker (missing evidence aside). */
  readonly ready: boolean;
  readonly readyIgnoringEvidence: boolean;
}

export function completenessMatrix(db: Db, dataDir: string, cycleId: string): CompletenessMatrix {
  const ctx = cycleContext(db, cycleId);
  const { candidates, finals } = cycleMergeState(ctx);
  const exemptions = new Map<ItemKey, { status: string; reason: string; legalBasis: string }>();
  for (const e of cycleExemptionStates(db, cycleId)) exemptions.set(itemKey(e.u, e.c), e);
  const evidence = new Map<ItemKey, string[]>();
  const cite = (k: ItemKey, sha: string) => evidence.set(k, [...(evidence.get(k) ?? []), sha]);
  for (const [u, c, sha] of dossierCitations(db, cycleId)) cite(itemKey(u, c), sha);
  for (const [u, c, sha] of appraisalCitations(db, cycleId)) cite(itemKey(u, c), sha);
  const fileOk = new Map<string, boolean>();
  const okFile = (sha: string) => {
    let v = fileOk.get(sha);
    if (v === undefined) fileOk.set(sha, (v = evidenceStatus(dataDir, sha) === 'ok'));
    return v;
  };

  const fieldTitles = new Map<string, string>();
  for (const g of ctx.groups.values())
    for (const f of g.plan.fields) if (!fieldTitles.has(f.code)) fieldTitles.set(f.code, f.title);
  const fields = [...fieldTitles]
    .map(([code, title]) => ({ code, title }))
    .sort((a, b) => compareCodes(a.code, b.code));
  const fieldIndex = new Map(fields.map((f, i) => [f.code, i]));

  const totals = {
    total: 0,
    appraised: 0,
    missingEvidence: 0,
    exemptionsWithoutReason: 0,
    exemptionsPending: 0,
    openConflicts: 0,
  };
  const rows: CompletenessRow[] = [];
  const units = [...ctx.units.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'));
  for (const unit of units) {
    const plan = ctx.groups.get(unit.group)?.plan;
    const cells: (Omit<CompletenessCell, 'complete'> | null)[] = fields.map(() => null);
    if (plan) {
      for (const f of plan.fields) {
        cells[fieldIndex.get(f.code)!] = {
          field: f.code,
          total: 0,
          appraised: 0,
          missingEvidence: 0,
          exemptionsWithoutReason: 0,
          exemptionsPending: 0,
          openConflicts: 0,
        };
      }
      const seenExemption = new Set<ItemKey>();
      for (const leaf of plan.leaves) {
        if (leaf.survey) continue;
        const cell = cells[fieldIndex.get(plan.fields[leaf.fieldIndex]!.code)!] as {
          -readonly [K in keyof CompletenessCell]: CompletenessCell[K];
        };
        let exempted = false;
        for (const c of leaf.path) {
          const ek = itemKey(unit.id, c);
          const e = exemptions.get(ek);
          if (!e || e.status === 'rejected') continue;
          if (!seenExemption.has(ek)) {
            seenExemption.add(ek);
            if (!e.reason.trim() || !e.legalBasis.trim()) cell.exemptionsWithoutReason += 1;
            if (e.status === 'proposed') cell.exemptionsPending += 1;
          }
          if (e.status === 'approved') exempted = true;
        }
        if (exempted) continue;
        const k = itemKey(unit.id, leaf.code);
        cell.total += 1;
        const final = finals.get(k);
        if (final) cell.appraised += 1;
        const cites = evidence.get(k) ?? [];
        if (cites.length === 0 || !cites.every(okFile)) cell.missingEvidence += 1;
        if (judge(candidates.get(k) ?? [], final).state === 'conflict') cell.openConflicts += 1;
      }
    }
    rows.push({
      unitId: unit.id,
      unitName: unit.name,
      group: unit.group,
      cells: cells.map((c) => {
        if (!c) return null;
        totals.total += c.total;
        totals.appraised += c.appraised;
        totals.missingEvidence += c.missingEvidence;
        totals.exemptionsWithoutReason += c.exemptionsWithoutReason;
        totals.exemptionsPending += c.exemptionsPending;
        totals.openConflicts += c.openConflicts;
        const complete =
          c.appraised === c.total &&
          c.openConflicts === 0 &&
          c.exemptionsPending === 0 &&
          c.exemptionsWithoutReason === 0 &&
          c.missingEvidence === 0;
        return { ...c, complete };
      }),
    });
  }
  const blockers: string[] = [];
  if (totals.appraised < totals.total)
    blockers.push(`Còn ${totals.total - totals.appraised} tiêu chí thành phần chưa có điểm thẩm định.`);
  if (totals.openConflicts > 0)
    blockers.push(`Còn ${totals.openConflicts} tiêu chí có ý kiến khác nhau giữa các thành viên chưa được xử lý.`);
  if (totals.exemptionsPending > 0)
    blockers.push(`Còn ${totals.exemptionsPending} đề nghị hạ điểm chuẩn chưa được phê duyệt hoặc từ chối.`);
  if (totals.exemptionsWithoutReason > 0)
    blockers.push(`Có ${totals.exemptionsWithoutReason} trường hợp hạ điểm chuẩn thiếu lý do hoặc căn cứ.`);
  const readyIgnoringEvidence = blockers.length === 0;
  if (totals.missingEvidence > 0)
    blockers.push(`Có ${totals.missingEvidence} tiêu chí thành phần thiếu tài liệu kiểm chứng.`);
  return { cycleId, fields, rows, totals, blockers, ready: blockers.length === 0, readyIgnoringEvidence };
}
