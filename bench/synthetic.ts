/**
 * Real-shaped synthetic cycles for the benchmarks and the scale test: N units in the four
 * groups (in a province's proportions), each over its group's default framework
 * (resources/frameworks); 8–30 council members, each assigned fields (the framework's
 * top-level criteria, the first eight members a second field, so every field has two or
 * more appraisers); for every unit and every applicable sub-criterion: a round-1 and a
 * round-2 self-assessment, an appraisal by each member assigned to its field, and the
 * final score a merge leaves (the members agree; ~3% disagree, and the council resolved
 * it: decided_by, reason, basis); ~2% of the exemptable sub-criteria exempted (approved);
 * survey points (CBCCVC, SIPAS) for every unit. Written in transactions of 200 units.
 */
import { join } from 'node:path';
import { prng } from '../tools/prng.ts';
import { jsonFileSettings } from '../electron/harness/json-settings.ts';
import { type Db, tx } from '../electron/core/db/connection.ts';
import { insertCycle } from '../electron/core/db/repos/cycles.ts';
import { putFramework, setCycleFramework } from '../electron/core/db/repos/frameworks.ts';
import { insertMember } from '../electron/core/db/repos/members.ts';
import { insertUnit } from '../electron/core/db/repos/units.ts';
import { frameworkHash } from '../electron/core/framework/hash.ts';
import { serialize } from '../shared/decimal/rational.ts';
import { type Candidate, basisOf } from '../shared/exchange/merge.ts';
import { buildTree, leavesUnder } from '../shared/framework/tree.ts';
import type { Framework, FrameworkNode } from '../shared/framework/types.ts';
import { type GroupPresetCode, presetGroups } from '../shared/framework/groups.ts';
import { putCycleGroup } from '../electron/core/db/repos/groups.ts';

/** A province after 1 July 2025: departments, communes and wards, public service units, central agencies. */
type UnitGroup = 'department' | 'commune' | 'public_service_unit' | 'central_agency';
const UNIT_GROUPS: readonly UnitGroup[] = ['department', 'commune', 'public_service_unit', 'central_agency'];
import { scoreNode } from '../shared/scoring/score.ts';

/** A plausible input for a leaf of any kind. */
export function sampleInput(node: FrameworkNode, rnd: () => number): unknown {
  const s = node.scoring!;
  switch (s.kind) {
    case 'tick':
      return { met: rnd() < 0.8 };
    case 'timeliness':
      return { tier: s.tiers[Math.floor(rnd() * s.tiers.length)]!.key };
    case 'percentage':
      return { percent: Math.round(rnd() * 10000) / 100 };
    case 'proportional': {
      const b = 10 + Math.floor(rnd() * 1000);
      return { a: Math.floor(b * (0.6 + rnd() * 0.4)), b };
    }
    case 'count':
      return { count: Math.floor(rnd() * 6) };
    case 'deduction':
      return { violations: Math.floor(rnd() * 3) };
    case 'survey':
      return { points: (Math.floor(rnd() * Number(node.maxPoints) * 100) / 100).toFixed(2) };
    case 'previous_year_delta':
      return { previousIndex: 70 + Math.floor(rnd() * 2000) / 100, earlierIndex: 70 + Math.floor(rnd() * 2000) / 100 };
  }
}

/** Members of a council for a cycle of N units: 8 for 40, 15 for 150, 24 for 1,000, 30 beyond. */
export function membersFor(units: number): number {
  return units <= 40 ? 8 : units <= 150 ? 15 : units <= 1_000 ? 24 : 30;
}

const SHARE: Readonly<Record<UnitGroup, number>> = {
  commune: 0.6,
  department: 0.2,
  public_service_unit: 0.15,
  central_agency: 0.05,
};
const LABEL: Readonly<Record<UnitGroup, string>> = {
  commune: 'UBND xã',
  department: 'Sở',
  public_service_unit: 'Trung tâm',
  central_agency: 'Chi cục',
};
const AT = '2024-01-15T08:00:00.000Z';

export interface RealCycle {
  readonly cycleId: string;
  readonly units: number;
  readonly members: readonly { readonly id: string; readonly fields: readonly string[] }[];
  readonly secretariatId: string;
  /** Rows written, by table. */
  readonly rows: Readonly<
    Record<'dossierItems' | 'appraisals' | 'finalScores' | 'conflictsResolved' | 'exemptions' | 'surveyPoints', number>
  >;
}

export interface RealCycleOptions {
  readonly seed?: number;
  readonly members?: number;
  readonly cycleId?: string;
  /**
   * false: the secretariat's store before any member's package came in (no appraisals, no
   * final scores); bench/packages.ts then makes the members' signed packages. Default true.
   */
  readonly merged?: boolean;
}

function scored(leaf: FrameworkNode, input: unknown): string {
  const r = scoreNode(leaf.scoring!, leaf.maxPoints, input);
  if (!r.ok) throw new Error(`${leaf.code}: ${r.error.message}`);
  return serialize(r.value);
}

export function seedRealCycle(
  db: Db,
  frameworks: Readonly<Record<GroupPresetCode, Framework>>,
  units: number,
  options: RealCycleOptions = {},
): RealCycle {
  const rnd = prng(options.seed ?? units);
  const cycleId = options.cycleId ?? `synthetic-${units}`;
  const memberCount = options.members ?? membersFor(units);
  const plans = new Map(
    UNIT_GROUPS.map((g) => {
      const f = frameworks[g];
      const leaves = leavesUnder(buildTree(f), null).filter((l) => l.groups.includes(g));
      // ~2% of all sub-criteria exempted, drawn among the exemptable ones.
      const exemptable = leaves.filter((l) => l.exemptable && l.scoring!.kind !== 'survey').length;
      const exemptP = exemptable === 0 ? 0 : Math.min(1, (0.02 * leaves.length) / exemptable);
      return [g, { framework: f, hash: frameworkHash(f), leaves, exemptP }] as const;
    }),
  );
  const fields = ['1', '2', '3', '4', '5', '6', '7', '8'];
  const members = Array.from({ length: memberCount }, (_, i) => ({
    id: `${cycleId}-tv${String(i + 1).padStart(2, '0')}`,
    fields: i < 8 ? [fields[i]!, fields[(i + 1) % 8]!] : [fields[i % 8]!],
  }));
  const byField = new Map(
    fields.map((f) => [
      f,
      members
        .filter((m) => m.fields.includes(f))
        .map((m) => m.id)
        .sort(),
    ]),
  );
  const secretariatId = `${cycleId}-tt`;
  const rows = { dossierItems: 0, appraisals: 0, finalScores: 0, conflictsResolved: 0, exemptions: 0, surveyPoints: 0 };

  tx(db, () => {
    insertCycle(db, {
      id: cycleId,
      name: `Kỳ đánh giá thử nghiệm ${units} đơn vị`,
      year: 2023,
      province: 'Thử nghiệm',
      precision: 2,
    });
    for (const g of presetGroups(UNIT_GROUPS)) putCycleGroup(db, cycleId, g);
    for (const [g, p] of plans) {
      putFramework(db, p.hash, p.framework);
      setCycleFramework(db, cycleId, g, p.hash);
    }
    insertMember(db, {
      id: secretariatId,
      cycleId,
      name: 'Cơ quan thường trực',
      position: 'Chuyên viên',
      agency: 'Sở Nội vụ',
      role: 'secretariat',
      publicKey: null,
      fingerprint: null,
      fields: [],
    });
    members.forEach((m, i) =>
      insertMember(db, {
        id: m.id,
        cycleId,
        name: `Thành viên ${i + 1}`,
        position: 'Phó Giám đốc',
        agency: `Sở ${i + 1}`,
        role: 'member',
        publicKey: null,
        fingerprint: null,
        fields: m.fields,
      }),
    );
  });

  const item = db.prepare(
    'INSERT INTO dossier_items (unit_id, node_code, round1_input, round1_score, round2_input, round2_score, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const appraisal = db.prepare(
    'INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const final = db.prepare(
    'INSERT INTO final_scores (unit_id, node_code, input, score, source_member, package_hash, decided_by, reason, updated_at, basis) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)',
  );
  const exemption = db.prepare(
    "INSERT INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, decided_by, decision_reason, created_at, decided_at) VALUES (?, ?, ?, '', ?, 'approved', ?, ?, ?, ?)",
  );
  const survey = db.prepare('INSERT INTO survey_points (unit_id, source, points, imported_at) VALUES (?, ?, ?, ?)');

  const groupOf = (i: number): UnitGroup => {
    let x = (i + 0.5) / units;
    for (const g of UNIT_GROUPS.slice().sort((a, b) => SHARE[b] - SHARE[a])) {
      if (x < SHARE[g]) return g;
      x -= SHARE[g];
    }
    return 'commune';
  };
  const BATCH = 200;
  for (let start = 0; start < units; start += BATCH) {
    tx(db, () => {
      for (let i = start; i < Math.min(units, start + BATCH); i++) {
        const group = groupOf(i);
        const plan = plans.get(group)!;
        const unitId = `${cycleId}-u${String(i + 1).padStart(5, '0')}`;
        insertUnit(db, { id: unitId, cycleId, name: `${LABEL[group]} Đơn vị ${i + 1}`, group, sortOrder: i });
        for (const leaf of plan.leaves) {
          const kind = leaf.scoring!.kind;
          if (kind === 'survey') {
            survey.run(unitId, leaf.scoring!.source, scored(leaf, sampleInput(leaf, rnd)), AT);
            rows.surveyPoints += 1;
            continue;
          }
          const round1 = sampleInput(leaf, rnd);
          const round2 = rnd() < 0.7 ? round1 : sampleInput(leaf, rnd);
          item.run(
            unitId,
            leaf.code,
            JSON.stringify(round1),
            scored(leaf, round1),
            JSON.stringify(round2),
            scored(leaf, round2),
            '',
          );
          rows.dossierItems += 1;
          if (leaf.exemptable && rnd() < plan.exemptP) {
            exemption.run(
              unitId,
              leaf.code,
              'Không phát sinh nhiệm vụ trong năm đánh giá',
              secretariatId,
              secretariatId,
              'Hội đồng thẩm định thống nhất',
              AT,
              AT,
            );
            rows.exemptions += 1;
            continue;
          }
          // The members of the leaf's field agree on one appraisal (the round-2 self-assessment
          // most often); ~3% of items: each appraises on his own, and the council decided.
          const appraisers = byField.get(leaf.code.split('.')[0]!) ?? [];
          if (appraisers.length === 0 || options.merged === false) continue;
          const agreed = rnd() < 0.8 ? round2 : sampleInput(leaf, rnd);
          const disagree = appraisers.length > 1 && rnd() < 0.03;
          const candidates: Candidate[] = appraisers.map((memberId) => {
            const input = disagree ? sampleInput(leaf, rnd) : agreed;
            return { memberId, input: input as Candidate['input'], score: scored(leaf, input), packageHash: null };
          });
          for (const c of candidates)
            appraisal.run(unitId, leaf.code, c.memberId, JSON.stringify(c.input), c.score, '', AT);
          rows.appraisals += candidates.length;
          const conflict = candidates.some((c) => c.score !== candidates[0]!.score);
          const chosen = candidates[0]!;
          if (conflict) {
            final.run(
              unitId,
              leaf.code,
              JSON.stringify(chosen.input),
              chosen.score,
              chosen.memberId,
              secretariatId,
              'Hội đồng thẩm định thống nhất theo ý kiến thành viên phụ trách',
              AT,
              basisOf(candidates),
            );
            rows.conflictsResolved += 1;
          } else {
            final.run(
              unitId,
              leaf.code,
              JSON.stringify(chosen.input),
              chosen.score,
              chosen.memberId,
              null,
              null,
              AT,
              null,
            );
          }
          rows.finalScores += 1;
        }
      }
    });
  }
  return { cycleId, units, members, secretariatId, rows };
}

/**
 * Makes a data folder open on the synthetic cycle as its member `memberId` ("Thành viên 1"),
 * as the app would after that member joined: the cycle chosen and the identity saved.
 */
export function openAsMember(dataDir: string, cycleId: string, memberId: string): void {
  const settings = jsonFileSettings(join(dataDir, 'settings.json'));
  settings.set('cycleId', cycleId);
  settings.set('identity', {
    name: 'Thành viên 1',
    position: 'Phó Giám đốc',
    agency: 'Sở 1',
    role: 'member',
    memberId,
  });
}
