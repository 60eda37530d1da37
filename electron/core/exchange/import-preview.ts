import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import type { MergePlan } from '../../../shared/exchange/merge.ts';
import type { Db } from '../db/connection.ts';
import { readAppraisalPackage } from './appraisal-file.ts';
import { leafOf } from './cycle-context.ts';
import { appraisalCapFor } from './package-cap.ts';
import {
  type CheckedPackage,
  type ImportCounts,
  type PackageState,
  DECIMAL_SCORE,
  checkPackage,
  countsOf,
  planPackage,
} from './import-check.ts';

interface ChangeView {
  readonly unitId: string;
  readonly unitName: string;
  readonly nodeCode: string;
  readonly nodeTitle: string;
  readonly kind: 'added' | 'changed' | 'removed';
  /** Decimal text ("0.5"), null when no score. */
  readonly before: {
    readonly score: string | null;
    readonly input: unknown;
    readonly comment: string;
    readonly exemption: boolean;
  } | null;
  readonly after: {
    readonly score: string | null;
    readonly input: unknown;
    readonly comment: string;
    readonly exemption: boolean;
  } | null;
}

interface PlannedConflictView {
  readonly unitId: string;
  readonly unitName: string;
  readonly nodeCode: string;
  readonly nodeTitle: string;
  readonly status: 'open' | 'resolved';
  readonly isNew: boolean;
  readonly sides: readonly {
    readonly memberId: string;
    readonly memberName: string;
    readonly score: string;
    readonly input: unknown;
  }[];
}

export interface ImportPreview {
  readonly file: string;
  readonly packageHash: string;
  readonly state: PackageState;
  readonly cycle: { readonly id: string; readonly name: string };
  readonly member: {
    readonly id: string;
    readonly name: string;
    readonly fingerprint: string;
    readonly display: string;
  };
  readonly sequence: number;
  readonly lastSequence: number | null;
  readonly gap: boolean;
  readonly createdAt: string;
  readonly counts: ImportCounts;
  readonly changes: readonly ChangeView[];
  readonly conflicts: readonly PlannedConflictView[];
  readonly declarations: {
    readonly added: readonly { unitId: string; unitName: string; reason: string }[];
    readonly removed: readonly { unitId: string; unitName: string; reason: string }[];
  };
}

function describe(checked: CheckedPackage, plan: MergePlan | null): ImportPreview {
  const { ctx, member, pkg } = checked;
  const unitName = (id: string) => ctx.units.get(id)?.name ?? id;
  const nodeTitle = (u: string, c: string) => leafOf(ctx, u, c)?.node.title ?? c;
  const side = (i: { score: string | null; input: unknown; comment: string; exemption: unknown }) => ({
    score: i.score === null ? null : DECIMAL_SCORE(i.score),
    input: i.input,
    comment: i.comment,
    exemption: i.exemption !== null,
  });
  const change = (
    kind: ChangeView['kind'],
    unitId: string,
    nodeCode: string,
    before: ChangeView['before'],
    after: ChangeView['after'],
  ): ChangeView => ({
    unitId,
    unitName: unitName(unitId),
    nodeCode,
    nodeTitle: nodeTitle(unitId, nodeCode),
    kind,
    before,
    after,
  });
  const changes: ChangeView[] = plan
    ? [
        ...plan.added.map((a) => change('added', a.unitId, a.nodeCode, null, side(a))),
        ...plan.changed.map((c) => change('changed', c.after.unitId, c.after.nodeCode, side(c.before), side(c.after))),
        ...plan.removed.map((r) => change('removed', r.unitId, r.nodeCode, side(r), null)),
      ]
    : [];
  const conflicts: PlannedConflictView[] = (plan?.conflicts ?? []).map((c) => ({
    unitId: c.unitId,
    unitName: unitName(c.unitId),
    nodeCode: c.nodeCode,
    nodeTitle: nodeTitle(c.unitId, c.nodeCode),
    status: c.status,
    isNew: c.isNew,
    sides: c.candidates.map((x) => ({
      memberId: x.memberId,
      memberName: ctx.members.get(x.memberId)?.name ?? x.memberId,
      score: DECIMAL_SCORE(x.score),
      input: x.input,
    })),
  }));
  const decl = (c: { unitId: string; reason: string }) => ({
    unitId: c.unitId,
    unitName: unitName(c.unitId),
    reason: c.reason,
  });
  return {
    file: pkg.file,
    packageHash: pkg.packageHash,
    state: checked.state,
    cycle: { id: ctx.cycle.id, name: ctx.cycle.name },
    member: {
      id: member.id,
      name: member.name,
      fingerprint: pkg.payload.keyFingerprint,
      display: formatFingerprint(pkg.payload.keyFingerprint),
    },
    sequence: pkg.payload.sequence,
    lastSequence: checked.lastSequence,
    gap: checked.gap,
    createdAt: pkg.payload.createdAt,
    counts: countsOf(plan),
    changes,
    conflicts,
    declarations: {
      added: (plan?.declarations.added ?? []).map(decl),
      removed: (plan?.declarations.removed ?? []).map(decl),
    },
  };
}

/** Reads, verifies and plans one file; shows what a commit would change. Writes nothing. */
export function previewImport(db: Db, path: string, at: string = new Date().toISOString()): ImportPreview {
  const checked = checkPackage(db, readAppraisalPackage(path, appraisalCapFor(db)));
  return describe(checked, checked.state === 'new' ? planPackage(checked, at) : null);
}
