/**
 * Every id a cycle package brings, checked before anything is written. A signature says
 * who sent the package, not that its ids fit this database:
 *
 *   checkCycleContent(file, content)   within the package: no id twice (units, unit names,
 *                                      members, fields of a member, dossier items, evidence,
 *                                      links, exemptions); every dossier item, link and
 *                                      exemption on a node of its unit's framework; every
 *                                      member's group-scoped field in one of its groups; every
 *                                      evidence file of an allowed document kind
 *   checkCycleIds(db, file, content)   against the store: no unit or member id of another cycle
 *
 * Refusals are ExchangeRefusal (EXCHANGE_SCHEMA, EXCHANGE_UNKNOWN_NODE, EXCHANGE_ID_COLLISION).
 */
import { parseAssignment } from '../../../shared/council/assignment.ts';
import { isEvidenceType } from '../../../shared/evidence/types.ts';
import type { CycleContent } from '../../../shared/exchange/cycle-package.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import { memberCycleOf, unitCycleOf, unitNamed } from '../db/repos/roster.ts';
import { ExchangeRefusal } from './refusal.ts';

function once(file: string, what: string, keys: Iterable<string>): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k))
      throw new ExchangeRefusal(
        file,
        'EXCHANGE_SCHEMA',
        `cycle.json: ${what} “${k.replaceAll('\u0000', ' / ')}” xuất hiện hai lần`,
      );
    seen.add(k);
  }
}

const key = (...parts: string[]) => parts.join('\u0000');

export function checkCycleContent(file: string, c: CycleContent): void {
  once(
    file,
    'nhóm bộ tiêu chí',
    c.frameworks.map((f) => f.group),
  );
  once(
    file,
    'mã đơn vị',
    c.units.map((u) => u.id),
  );
  once(
    file,
    'tên đơn vị',
    c.units.map((u) => u.name),
  );
  once(
    file,
    'mã thành viên',
    c.roster.map((m) => m.id),
  );
  for (const m of c.roster) once(file, `lĩnh vực của thành viên ${m.id}`, m.fields);
  once(
    file,
    'tài liệu',
    c.evidence.map((e) => e.sha256),
  );
  for (const e of c.evidence)
    if (!isEvidenceType(e.fileName)) throw new ExchangeRefusal(file, 'EXCHANGE_EVIDENCE_TYPE', `“${e.fileName}”`);
  once(
    file,
    'hồ sơ',
    c.dossiers.map((d) => key(d.unitId, d.nodeCode)),
  );
  once(
    file,
    'liên kết tài liệu',
    c.dossierEvidence.map((l) => key(l.unitId, l.nodeCode, l.sha256)),
  );
  once(
    file,
    'hạ điểm chuẩn',
    c.exemptions.map((e) => key(e.unitId, e.nodeCode)),
  );

  const codes = new Map<string, Set<string>>();
  for (const f of c.frameworks) codes.set(f.group, new Set((f.framework as Framework).nodes.map((n) => n.code)));
  const groupOf = new Map(c.units.map((u) => [u.id, u.group]));
  for (const u of c.units)
    if (!codes.has(u.group))
      throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', `cycle.json: nhóm của đơn vị “${u.id}” không có bộ tiêu chí`);
  for (const m of c.roster)
    for (const entry of m.fields) {
      const { group } = parseAssignment(entry);
      if (group !== null && !codes.has(group))
        throw new ExchangeRefusal(
          file,
          'EXCHANGE_SCHEMA',
          `cycle.json: lĩnh vực “${entry}” của thành viên “${m.id}” thuộc nhóm không có trong kỳ`,
        );
    }
  const onNode = (unitId: string, nodeCode: string) => {
    const group = groupOf.get(unitId);
    if (group === undefined || !codes.get(group)?.has(nodeCode))
      throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_NODE', `${unitId} / ${nodeCode}`);
  };
  for (const d of c.dossiers) onNode(d.unitId, d.nodeCode);
  const items = new Set(c.dossiers.map((d) => key(d.unitId, d.nodeCode)));
  for (const l of c.dossierEvidence) {
    onNode(l.unitId, l.nodeCode);
    if (!items.has(key(l.unitId, l.nodeCode)))
      throw new ExchangeRefusal(
        file,
        'EXCHANGE_SCHEMA',
        `cycle.json: tài liệu dẫn chiếu ở ${l.unitId} / ${l.nodeCode} không có hồ sơ`,
      );
  }
  for (const e of c.exemptions) onNode(e.unitId, e.nodeCode);
}

export function checkCycleIds(db: Db, file: string, c: CycleContent): void {
  const cycleId = c.cycle.id;
  for (const u of c.units) {
    const owner = unitCycleOf(db, u.id);
    if (owner !== undefined && owner !== cycleId)
      throw new ExchangeRefusal(file, 'EXCHANGE_ID_COLLISION', `mã đơn vị “${u.id}” thuộc kỳ “${owner}”`);
  }
  for (const m of c.roster) {
    const owner = memberCycleOf(db, m.id);
    if (owner !== undefined && owner !== cycleId)
      throw new ExchangeRefusal(file, 'EXCHANGE_ID_COLLISION', `mã thành viên “${m.id}” thuộc kỳ “${owner}”`);
  }
  const ids = new Set(c.units.map((u) => u.id));
  for (const u of c.units) {
    // A unit renamed to the name of another unit that this revision drops would collide on (cycle, name).
    const holder = unitNamed(db, cycleId, u.name);
    if (holder !== undefined && holder !== u.id && !ids.has(holder))
      throw new ExchangeRefusal(file, 'EXCHANGE_ID_COLLISION', `tên đơn vị “${u.name}” đã thuộc đơn vị “${holder}”`);
  }
}
