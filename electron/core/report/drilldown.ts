/**
 * A unit's index down to fields, criteria, sub-criteria, appraisals and evidence, from the
 * store (see shared/report/drilldown.ts for the shape).
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import {
  type Rational,
  ZERO,
  add,
  deserialize,
  div,
  mul,
  roundHalfUpScaled,
  HUNDRED,
} from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import type {
  DrillAppraisal,
  DrillEvidence,
  DrillNode,
  DrillSource,
  UnitDrilldown,
} from '../../../shared/report/drilldown.ts';
import { exactDecimalText, scaledDecimalText } from '../../../shared/decimal/text.ts';
import { buildReport } from '../../../shared/report/tables.ts';
import type { Report } from '../../../shared/report/types.ts';
import { type UnitFinalScore, unitAppraisalCitations, unitFinalScores } from '../db/repos/report.ts';
import type { Db } from '../db/connection.ts';
import { listUnitAppraisals } from '../db/repos/appraisals.ts';
import { dossierEvidence, listDossier } from '../db/repos/dossiers.ts';
import { listUnitExemptions } from '../db/repos/exemptions.ts';
import { listMembers } from '../db/repos/members.ts';
import { type CycleContext, loadCycleContext } from './context.ts';
import { reportInputOf } from './report.ts';

const storedRational = (s: string | null | undefined): Rational | null =>
  s === null || s === undefined ? null : deserialize(s);
const text = (r: Rational | null): string | null => (r === null ? null : exactDecimalText(r));

type FinalRow = UnitFinalScore;

/** The drill-down of one unit, given the loaded cycle and its report (for ranks). */
export function drilldownOf(db: Db, ctx: CycleContext, report: Report, unitId: string): UnitDrilldown {
  const u = ctx.totals.units.find((x) => x.unit.id === unitId);
  if (!u) throw new CodedFailure('UNIT_NOT_FOUND', `Không tìm thấy đơn vị “${unitId}” trong kỳ đánh giá.`, { unitId });
  const cycle = ctx.totals.cycle;
  const p = cycle.precision;
  const group = u.unit.group;
  const plan = ctx.totals.plans.get(group)!;
  const tree = ctx.trees.get(group)!;
  const applicable = new Set(plan.leaves.map((l) => l.code));
  const exemptedCodes = ctx.exempted.get(unitId) ?? new Set<string>();

  const dossier = new Map(listDossier(db, unitId).map((d) => [d.nodeCode, d]));
  const evidence = dossierEvidence(db, unitId);
  const members = new Map(listMembers(db, cycle.id).map((m) => [m.id, m]));
  const appraisals = listUnitAppraisals(db, unitId);
  const apprEvidence = new Map<string, { evidenceId: number; title: string; page: number | null }[]>();
  for (const r of unitAppraisalCitations(db, unitId)) {
    const k = `${r.nodeCode}\u001f${r.memberId}`;
    apprEvidence.set(k, [...(apprEvidence.get(k) ?? []), { evidenceId: r.evidenceId, title: r.title, page: r.page }]);
  }
  const finals = new Map<string, FinalRow>(unitFinalScores(db, unitId).map((f) => [f.nodeCode, f]));
  const exemptions = new Map(listUnitExemptions(db, unitId).map((e) => [e.nodeCode, e]));
  const fieldOf = (code: string) => code.split('.')[0]!;

  const build = (node: FrameworkNode, depth: number, parentCounted: boolean): DrillNode | null => {
    if (!node.groups.includes(group)) return null;
    const kids = (tree.children.get(node.code) ?? [])
      .map((c) => build(c, depth + 1, parentCounted && !exemptedCodes.has(node.code)))
      .filter((x): x is DrillNode => x !== null);
    const leaf = (tree.children.get(node.code) ?? []).length === 0;
    if (leaf && !applicable.has(node.code)) return null;
    if (!leaf && kids.length === 0) return null;
    const counted = parentCounted && !exemptedCodes.has(node.code);
    const ex = exemptions.get(node.code);
    const exemption = ex
      ? { status: ex.status, reason: ex.reason, legalBasis: ex.legalBasis, decisionReason: ex.decisionReason }
      : null;
    const max = storedRational(node.maxPoints) ?? ZERO;

    if (leaf) {
      const d = dossier.get(node.code);
      const score = u.scores.get(node.code) ?? null;
      const source = (u.sources.get(node.code) ?? null) as DrillSource | null;
      const f = finals.get(node.code);
      const benchmark = counted ? max : ZERO;
      const appraisalsOf: DrillAppraisal[] = appraisals
        .filter((a) => a.nodeCode === node.code)
        .map((a) => {
          const m = members.get(a.memberId);
          return {
            memberId: a.memberId,
            memberName: m?.name ?? a.memberId,
            assigned: isAssigned(m?.fields, group, fieldOf(node.code)),
            score: text(storedRational(a.score)),
            input: a.input,
            comment: a.comment,
            updatedAt: a.updatedAt,
            evidence: apprEvidence.get(`${node.code}\u001f${a.memberId}`) ?? [],
          };
        });
      const ev: DrillEvidence[] = (evidence.get(node.code) ?? []).map((e) => ({
        evidenceId: e.evidenceId,
        title: e.title,
        fileName: e.fileName,
        sha256: e.sha256,
        page: e.page,
      }));
      const appraised = source === 'self' ? null : score;
      return {
        code: node.code,
        title: node.title,
        depth,
        leaf: true,
        kind: node.scoring?.kind ?? null,
        max: exactDecimalText(max),
        counted,
        exemption,
        benchmark: exactDecimalText(benchmark),
        points: text(score),
        percent:
          counted && score !== null && benchmark.n !== 0n
            ? scaledDecimalText(roundHalfUpScaled(mul(div(score, benchmark), HUNDRED), p), p)
            : null,
        self1: text(storedRational(d?.round1Score)),
        self2: text(storedRational(d?.round2Score)),
        appraised: text(appraised),
        source,
        final: f
          ? {
              score: exactDecimalText(deserialize(f.score)),
              reason: f.reason,
              decidedBy: f.decidedBy,
              sourceMember: f.sourceMember,
            }
          : null,
        unresolved: counted && u.conflicts.has(node.code) ? 1 : 0,
        selfInput1: d?.round1Input ?? null,
        selfInput2: d?.round2Input ?? null,
        declared: d?.declared ?? null,
        explanation: d?.explanation ?? '',
        appraisals: appraisalsOf,
        evidence: ev,
        guide: node.guide,
        children: [],
      };
    }
    // inner node: sums over counted leaves below
    let bench = ZERO;
    let points: Rational | null = null;
    let s1: Rational | null = null;
    let s2: Rational | null = null;
    let appr: Rational | null = null;
    let unresolved = 0;
    const plus = (acc: Rational | null, v: string | null) => (v === null ? acc : add(acc ?? ZERO, deserialize(v)));
    const walk = (ns: readonly DrillNode[]) => {
      for (const n of ns) {
        if (!n.leaf) {
          walk(n.children);
          continue;
        }
        if (!n.counted) continue;
        unresolved += n.unresolved;
        bench = add(bench, deserialize(n.max));
        points = plus(points, n.points);
        s1 = plus(s1, n.self1);
        s2 = plus(s2, n.self2 ?? n.self1);
        appr = plus(appr, n.appraised);
      }
    };
    walk(kids);
    const pts = points as Rational | null;
    return {
      code: node.code,
      title: node.title,
      depth,
      leaf: false,
      kind: null,
      max: exactDecimalText(max),
      counted,
      exemption,
      benchmark: exactDecimalText(bench),
      points: text(pts),
      percent:
        pts !== null && bench.n !== 0n
          ? scaledDecimalText(roundHalfUpScaled(mul(div(pts, bench), HUNDRED), p), p)
          : null,
      self1: text(s1),
      self2: text(s2),
      appraised: text(appr),
      source: null,
      final: null,
      unresolved,
      selfInput1: null,
      selfInput2: null,
      declared: null,
      explanation: '',
      appraisals: [],
      evidence: [],
      guide: node.guide,
      children: kids,
    };
  };

  const fields = plan.fields
    .map((f) => tree.byCode.get(f.code))
    .filter((n): n is FrameworkNode => n !== undefined)
    .map((n) => build(n, 0, true))
    .filter((x): x is DrillNode => x !== null);

  const row = report.units.find((x) => x.unitId === unitId)!;
  const t = u.totals;
  return {
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year, province: cycle.province, precision: p },
    unit: { id: u.unit.id, name: u.unit.name, group, groupLabel: row.groupLabel },
    benchmark: exactDecimalText(t.benchmark),
    selfAssessed: exactDecimalText(t.selfAssessed),
    surveyCbccvc: exactDecimalText(t.surveyCbccvc),
    surveySipas: exactDecimalText(t.surveySipas),
    total: exactDecimalText(t.total),
    index: row.index,
    classification: row.classification,
    rankInGroup: row.rankInGroup,
    rankOverall: row.rankOverall,
    previousIndex: row.previousIndex,
    provisional: u.provisional,
    appraisedCount: u.appraised,
    fields,
    conflicts: u.conflicts.size,
    computable: u.surveyMissing === 0,
    state: ctx.state,
  };
}

/** A unit's drill-down (loads the whole cycle, for the ranks). */
export function unitDrilldown(db: Db, cycleId: string, unitId: string): UnitDrilldown {
  const ctx = loadCycleContext(db, cycleId);
  return drilldownOf(db, ctx, buildReport(reportInputOf(ctx)), unitId);
}
