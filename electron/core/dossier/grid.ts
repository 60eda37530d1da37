/** The scoring grid: one field of one unit group across all its units — rows are sub-criteria, columns units. */
import type { GridView } from '../../../shared/contract/dossier.ts';
import { deserialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { leavesUnder } from '../../../shared/framework/tree.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { listUnits } from '../db/repos/units.ts';
import { groupEvidenceKeys, groupExemptionKeys, groupMemberAppraisals, groupSelfScores } from '../db/repos/grid.ts';
import { isReadOnly } from './dossier.ts';
import { treeFor } from '../framework/trees.ts';
import type { Scope } from './scope.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';

export function fieldGrid(scope: Scope, group: UnitGroup, fieldCode: string): GridView {
  const { db } = scope;
  const { tree } = treeFor(db, scope.cycle.id, group);
  const field = tree.byCode.get(fieldCode);
  if (!field || field.parent !== null || !field.groups.includes(group)) {
    throw new CodedFailure('FIELD_NOT_FOUND', `Nhóm đơn vị này không có lĩnh vực “${fieldCode}”.`, { fieldCode });
  }
  const units = listUnits(db, scope.cycle.id).filter((u) => u.group === group);
  const memberId = scope.member?.id ?? '';
  const key = (u: string, c: string) => `${u}\u001f${c}`;
  const self = new Map<string, string | null>();
  const selfInput = new Map<string, string | null>();
  for (const [u, c, r2, r1, i2, i1] of groupSelfScores(db, scope.cycle.id, group)) {
    self.set(key(u, c), r2 ?? r1);
    selfInput.set(key(u, c), i2 ?? i1);
  }
  const mine = new Map<string, { score: string | null; input: string | null }>();
  for (const [u, c, s, i] of groupMemberAppraisals(db, memberId, scope.cycle.id, group)) {
    mine.set(key(u, c), { score: s, input: i });
  }
  const evidence = groupEvidenceKeys(db, scope.cycle.id, group);
  const exempt = groupExemptionKeys(db, scope.cycle.id, group);
  const leaves = leavesUnder(tree, fieldCode).filter(
    (l) => l.groups.includes(group) && l.scoring && l.scoring.kind !== 'survey',
  );
  const storedText = (s: string | null | undefined) => (s ? exactDecimalText(deserialize(s)) : null);
  return {
    group,
    field: { code: field.code, title: field.title },
    units: units.map((u) => ({ id: u.id, name: u.name })),
    rows: leaves.map((leaf) => {
      const path: string[] = [];
      for (let c: string | null = leaf.code; c; c = tree.byCode.get(c)?.parent ?? null) path.push(c);
      return {
        code: leaf.code,
        title: leaf.title,
        maxPoints: exactDecimalText(deserialize(leaf.maxPoints)),
        scoring: leaf.scoring!,
        readOnly: isReadOnly(scope, tree, leaf, group),
        exemptable: path.some((p) => tree.byCode.get(p)?.exemptable === true),
        cells: units.map((u) => {
          const a = mine.get(key(u.id, leaf.code));
          const si = selfInput.get(key(u.id, leaf.code));
          return {
            unitId: u.id,
            self: storedText(self.get(key(u.id, leaf.code))),
            selfInput: si ? JSON.parse(si) : null,
            appraised: storedText(a?.score),
            input: a?.input ? JSON.parse(a.input) : null,
            hasEvidence: evidence.has(key(u.id, leaf.code)),
            exempted: path.some((p) => exempt.has(key(u.id, p))),
          };
        }),
      };
    }),
  };
}
