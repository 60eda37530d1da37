/**
 * A unit's dossier as the member sees it: the criteria tree of the unit's group with,
 * per sub-criterion, the unit's self-assessment and evidence, my appraisal, the
 * exemption, whether I may edit it, and the live totals.
 */
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import { deserialize } from '../../../shared/decimal/rational.ts';
import { isAssigned } from '../../../shared/council/assignment.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type FrameworkTree, ancestry, isLeaf } from '../../../shared/framework/tree.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { appraisalEvidence, listUnitAppraisals } from '../db/repos/appraisals.ts';
import { dossierEvidence, listDossier } from '../db/repos/dossiers.ts';
import { getEvidence, listEvidence } from '../db/repos/evidence.ts';
import { listUnitExemptions } from '../db/repos/exemptions.ts';
import { hasConflictOfInterest } from '../db/repos/conflicts-of-interest.ts';
import { evidenceStatus } from '../evidence/files.ts';
import { computeCycleTotals } from '../results/cycle-totals.ts';
import { treeFor } from '../framework/trees.ts';
import { type Scope, requireUnit } from './scope.ts';
import { totalsView } from './views.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';

/**
 * The member may edit a leaf of a field assigned to him in the unit's group while the cycle
 * is open; survey leaves are imported, never appraised.
 */
export function isReadOnly(scope: Scope, tree: FrameworkTree, node: FrameworkNode, group: string): boolean {
  if (scope.cycle.status !== 'open' || !scope.member) return true;
  const field = ancestry(tree, node.code)[0] ?? node.code;
  if (!isAssigned(scope.member.fields, group, field)) return true;
  return node.scoring?.kind === 'survey';
}

function unitTotalsView(scope: Scope, unitId: string) {
  const computed = computeCycleTotals(scope.db, scope.cycle.id, { unitIds: [unitId], includeProposedExemptions: true })
    .units[0];
  if (!computed)
    throw new CodedFailure('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị trong kỳ đánh giá đang mở.', { unitId });
  return { computed, view: totalsView(computed, scope.cycle.precision) };
}

export function getDossier(scope: Scope, unitId: string): DossierView {
  return buildDossier(scope, unitId, null);
}

/** One node of the dossier (after a change), with the unit's new totals. */
export function getDossierNode(
  scope: Scope,
  unitId: string,
  code: string,
): { node: DossierNode; totals: DossierView['totals'] } {
  const view = buildDossier(scope, unitId, code);
  const node = view.nodes.find((n) => n.code === code);
  if (!node)
    throw new CodedFailure('NODE_NOT_FOUND', `Không có tiêu chí “${code}” trong bộ tiêu chí của đơn vị.`, { code });
  return { node, totals: view.totals };
}

function buildDossier(scope: Scope, unitId: string, only: string | null): DossierView {
  const { db, dataDir } = scope;
  const unit = requireUnit(scope, unitId);
  const { tree } = treeFor(db, scope.cycle.id, unit.group);
  const { computed, view: totals } = unitTotalsView(scope, unitId);
  const memberId = scope.member?.id ?? null;
  // A declared conflict of interest makes the whole unit read-only for the member.
  const conflicted = memberId !== null && hasConflictOfInterest(db, memberId, unitId);

  const items = new Map(listDossier(db, unitId).map((d) => [d.nodeCode, d]));
  const unitEvidence = dossierEvidence(db, unitId);
  const mine = new Map(
    listUnitAppraisals(db, unitId)
      .filter((a) => a.memberId === memberId)
      .map((a) => [a.nodeCode, a]),
  );
  const myEvidence = memberId ? appraisalEvidence(db, unitId, memberId) : new Map();
  const exemptions = new Map(listUnitExemptions(db, unitId).map((e) => [e.nodeCode, e]));
  const status = new Map<string, 'ok' | 'missing' | 'changed'>();
  const statusOf = (sha: string) => {
    let s = status.get(sha);
    if (!s) status.set(sha, (s = evidenceStatus(dataDir, sha)));
    return s;
  };

  const nodes: DossierNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of tree.children.get(parent) ?? []) {
      if (!n.groups.includes(unit.group)) continue;
      if (only === null || only === n.code) nodes.push(nodeView(n, depth));
      walk(n.code, depth + 1);
    }
  };
  const nodeView = (n: FrameworkNode, depth: number): DossierNode => {
    const leaf = isLeaf(tree, n.code);
    const item = items.get(n.code);
    const a = mine.get(n.code);
    const e = exemptions.get(n.code);
    const link = (refs: { evidenceId: number; page: number | null }[]) =>
      refs.flatMap((r) => {
        const ev = getEvidence(db, r.evidenceId);
        return ev
          ? [
              {
                evidenceId: ev.id,
                title: ev.title,
                fileName: ev.fileName,
                sha256: ev.sha256,
                page: r.page,
                status: statusOf(ev.sha256),
              },
            ]
          : [];
      });
    return {
      code: n.code,
      parent: n.parent,
      depth,
      title: n.title,
      maxPoints: exactDecimalText(deserialize(n.maxPoints)),
      leaf,
      field: ancestry(tree, n.code)[0] ?? n.code,
      scoring: leaf ? (n.scoring ?? null) : null,
      guide: n.guide,
      evidenceRequirement: n.evidence,
      exemptable: n.exemptable,
      readOnly: conflicted || isReadOnly(scope, tree, n, unit.group),
      round1:
        leaf && item
          ? {
              input: item.round1Input ?? null,
              score: item.round1Score ? exactDecimalText(deserialize(item.round1Score)) : null,
            }
          : null,
      round2:
        leaf && item
          ? {
              input: item.round2Input ?? null,
              score: item.round2Score ? exactDecimalText(deserialize(item.round2Score)) : null,
            }
          : null,
      declared: item?.declared ? { ...item.declared } : null,
      explanation: item?.explanation ?? '',
      unitEvidence: (unitEvidence.get(n.code) ?? []).map((r) => ({ ...r, status: statusOf(r.sha256) })),
      appraisal: a
        ? {
            input: a.input ?? null,
            score: a.score ? exactDecimalText(deserialize(a.score)) : null,
            comment: a.comment,
            evidence: link(myEvidence.get(n.code) ?? []),
            updatedAt: a.updatedAt,
          }
        : null,
      exemption:
        e && e.status !== 'rejected'
          ? { reason: e.reason, legalBasis: e.legalBasis, status: e.status, proposedBy: e.proposedBy }
          : null,
      effective: leaf && computed.scores.has(n.code) ? exactDecimalText(computed.scores.get(n.code)!) : null,
    };
  };
  walk(null, 0);

  const cited = new Set<number>();
  for (const refs of [...unitEvidence.values(), ...myEvidence.values()])
    for (const r of refs as { evidenceId: number }[]) cited.add(r.evidenceId);
  const documents = listEvidence(db, scope.cycle.id)
    .filter((ev) => cited.has(ev.id))
    .map((ev) => ({
      evidenceId: ev.id,
      title: ev.title,
      fileName: ev.fileName,
      sha256: ev.sha256,
      status: statusOf(ev.sha256),
    }));

  return {
    unit: { id: unit.id, name: unit.name, group: unit.group },
    cycleStatus: scope.cycle.status,
    precision: scope.cycle.precision,
    nodes,
    totals,
    documents,
  };
}
