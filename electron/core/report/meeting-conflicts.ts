/**
 * What the minutes say about disagreements: every council decision on members' differing
 * scores and every disagreement not yet decided, with the members' names and scores; and the
 * declared conflicts of interest.
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import { assignmentsByMember } from '../db/repos/members.ts';
import { deserialize } from '../../../shared/decimal/rational.ts';
import type { MinutesConflict, MinutesConflictOfInterest } from '../../../shared/report/html/minutes.ts';
import type { Db } from '../db/connection.ts';
import { listMembers } from '../db/repos/members.ts';
import { columnExists } from '../db/repos/report.ts';
import {
  conflictOfInterestKeys,
  decidedConflicts,
  namedConflictsOfInterest,
  scoredAppraisals,
} from '../db/repos/minutes.ts';
import { listUnits } from '../db/repos/units.ts';
import type { FrameworkTree } from '../../../shared/framework/tree.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import { viDecimalText } from '../../../shared/format/vi.ts';

// ---------------------------------------------------------------- conflicts

function memberNames(db: Db, cycleId: string): Map<string, string> {
  return new Map(listMembers(db, cycleId).map((m) => [m.id, m.name]));
}

function pointsText(serialized: string): string {
  return viDecimalText(exactDecimalText(deserialize(serialized)));
}

/** "Nguyễn Văn A: 1 điểm; Trần Thị B: 0 điểm" from a basis "m1=1;m2=0". */
function describeBasis(basis: string, names: ReadonlyMap<string, string>): string {
  return basis
    .split(';')
    .filter((x) => x.includes('='))
    .map((x) => {
      const i = x.indexOf('=');
      const id = x.slice(0, i);
      let pts = x.slice(i + 1);
      try {
        pts = pointsText(pts);
      } catch {
        /* keep as written */
      }
      return `${names.get(id) ?? id}: ${pts} điểm`;
    })
    .join('; ');
}

/**
 * Score conflicts: the secretariat's decisions on sub-criteria where the assigned members
 * disagreed (final_scores with decided_by and basis), and the disagreements not decided yet.
 */
export function readConflicts(
  db: Db,
  cycleId: string,
  trees: ReadonlyMap<UnitGroup, FrameworkTree>,
): MinutesConflict[] {
  if (!columnExists(db, 'final_scores', 'basis')) return [];
  const names = memberNames(db, cycleId);
  const units = new Map(listUnits(db, cycleId).map((u) => [u.id, u]));
  const title = (unitId: string, code: string) =>
    trees.get(units.get(unitId)?.group ?? '')?.byCode.get(code)?.title ?? '';
  const out: (MinutesConflict & { unitId: string })[] = [];
  const decided = new Map<string, { basis: string }>();
  for (const f of decidedConflicts(db, cycleId)) {
    decided.set(`${f.unitId}\u001f${f.nodeCode}`, { basis: f.basis });
    out.push({
      unitId: f.unitId,
      unit: units.get(f.unitId)?.name ?? f.unitId,
      code: f.nodeCode,
      title: title(f.unitId, f.nodeCode),
      description: describeBasis(f.basis, names),
      resolution: `Thống nhất ${pointsText(f.score)} điểm${f.reason ? `: ${f.reason}` : ''}${names.get(f.decidedBy) ? ` (${names.get(f.decidedBy)})` : ''}.`,
    });
  }
  // Disagreements among assigned members (without a declared conflict of interest) not decided on the same scores.
  const coi = conflictOfInterestKeys(db);
  const assigned = assignmentsByMember(db, cycleId);
  const byItem = new Map<string, { memberId: string; score: string }[]>();
  for (const a of scoredAppraisals(db, cycleId)) {
    if (!isAssigned(assigned.get(a.memberId), units.get(a.unitId)?.group ?? '', a.nodeCode.split('.')[0]!)) continue;
    if (coi.has(`${a.unitId}\u001f${a.memberId}`)) continue;
    const k = `${a.unitId}\u001f${a.nodeCode}`;
    byItem.set(k, [...(byItem.get(k) ?? []), { memberId: a.memberId, score: a.score }]);
  }
  for (const [k, cands] of byItem) {
    if (new Set(cands.map((c) => c.score)).size < 2) continue;
    const basis = [...cands]
      .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
      .map((c) => `${c.memberId}=${c.score}`)
      .join(';');
    if (decided.get(k)?.basis === basis) continue;
    const [unitId, code] = k.split('\u001f') as [string, string];
    out.push({
      unitId,
      unit: units.get(unitId)?.name ?? unitId,
      code,
      title: title(unitId, code),
      description: describeBasis(basis, names),
      resolution: 'Chưa thống nhất; đề nghị Hội đồng cho ý kiến.',
    });
  }
  return out
    .sort((a, b) => a.unit.localeCompare(b.unit, 'vi') || a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map(({ unitId: _u, ...c }) => c);
}

/** Declared conflicts of interest (a member and a unit, e.g. his own agency). */
export function readConflictsOfInterest(db: Db, cycleId: string): MinutesConflictOfInterest[] {
  return namedConflictsOfInterest(db, cycleId).map((r) => ({
    member: r.member,
    unit: r.unit,
    description: r.reason,
    resolution: 'không tham gia thẩm định hồ sơ của đơn vị này',
  }));
}
