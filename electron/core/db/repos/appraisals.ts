/** Appraisals (thẩm định): a member's scoring of one sub-criterion of one unit, with comment and evidence links. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface Appraisal {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly memberId: string;
  /** The kind's input, or null when the member has only commented or linked evidence. */
  readonly input: unknown;
  /** Exact score as serialised rational text, null with a null input. */
  readonly score: string | null;
  readonly comment: string;
  readonly updatedAt: string;
}

export interface AppraisalEvidence {
  readonly evidenceId: number;
  readonly page: number | null;
}

type Row = Omit<Appraisal, 'input'> & { input: string | null };
const SELECT =
  'SELECT unit_id AS unitId, node_code AS nodeCode, member_id AS memberId, input, score, comment, updated_at AS updatedAt FROM appraisals';
const toAppraisal = (r: Row): Appraisal => ({ ...r, input: r.input === null ? null : JSON.parse(r.input) });

export function getAppraisal(db: Db, unitId: string, nodeCode: string, memberId: string): Appraisal | undefined {
  const r = stmt(db, `${SELECT} WHERE unit_id = ? AND node_code = ? AND member_id = ?`).get(
    unitId,
    nodeCode,
    memberId,
  ) as Row | undefined;
  return r ? toAppraisal(r) : undefined;
}

export function upsertAppraisal(db: Db, a: Appraisal): void {
  stmt(
    db,
    `INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, node_code, member_id) DO UPDATE SET input = excluded.input, score = excluded.score,
       comment = excluded.comment, updated_at = excluded.updated_at`,
  ).run(
    a.unitId,
    a.nodeCode,
    a.memberId,
    a.input === null || a.input === undefined ? null : JSON.stringify(a.input),
    a.score,
    a.comment,
    a.updatedAt,
  );
}

export function listUnitAppraisals(db: Db, unitId: string): Appraisal[] {
  return (stmt(db, `${SELECT} WHERE unit_id = ?`).all(unitId) as Row[]).map(toAppraisal);
}

/** One document may be cited at several pages; the same document and page twice is one citation. */
export function distinctEvidence<T extends AppraisalEvidence>(refs: readonly T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.evidenceId}/${r.page ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function setAppraisalEvidence(
  db: Db,
  unitId: string,
  nodeCode: string,
  memberId: string,
  refs: readonly AppraisalEvidence[],
): void {
  stmt(db, 'DELETE FROM appraisal_evidence WHERE unit_id = ? AND node_code = ? AND member_id = ?').run(
    unitId,
    nodeCode,
    memberId,
  );
  const ins = stmt(
    db,
    'INSERT OR IGNORE INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of refs) ins.run(unitId, nodeCode, memberId, r.evidenceId, r.page);
}

export function appraisalEvidence(db: Db, unitId: string, memberId: string): Map<string, AppraisalEvidence[]> {
  const rows = db
    .prepare(
      'SELECT node_code AS nodeCode, evidence_id AS evidenceId, page FROM appraisal_evidence WHERE unit_id = ? AND member_id = ? ORDER BY evidence_id, page',
    )
    .all(unitId, memberId) as (AppraisalEvidence & { nodeCode: string })[];
  const out = new Map<string, AppraisalEvidence[]>();
  for (const { nodeCode, ...ref } of rows) out.set(nodeCode, [...(out.get(nodeCode) ?? []), ref]);
  return out;
}
