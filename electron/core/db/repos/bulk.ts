/** What the bulk appraisal actions (agree with the rest, paste a block) read in one go per unit. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** The unit's last self-assessment input per sub-criterion (round 2, else round 1), parsed. */
export function selfInputs(db: Db, unitId: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [code, r2, r1] of stmt(
    db,
    'SELECT node_code, round2_input, round1_input FROM dossier_items WHERE unit_id = ?',
  )
    .raw()
    .iterate(unitId) as Iterable<[string, string | null, string | null]>) {
    const raw = r2 ?? r1;
    if (raw !== null) out.set(code, JSON.parse(raw));
  }
  return out;
}

/** My appraisal rows of a unit: node code → { input (JSON text), score, comment }. */
export function myAppraisalRows(
  db: Db,
  unitId: string,
  memberId: string,
): Map<string, { input: string | null; score: string | null; comment: string }> {
  const out = new Map<string, { input: string | null; score: string | null; comment: string }>();
  for (const [code, input, score, comment] of stmt(
    db,
    'SELECT node_code, input, score, comment FROM appraisals WHERE unit_id = ? AND member_id = ?',
  )
    .raw()
    .iterate(unitId, memberId) as Iterable<[string, string | null, string | null, string]>) {
    out.set(code, { input, score, comment });
  }
  return out;
}

/** Codes of the unit's nodes under a lowered benchmark that counts (proposed or approved). */
export function activeExemptionCodes(db: Db, unitId: string): Set<string> {
  return new Set(
    stmt(db, "SELECT node_code FROM exemptions WHERE unit_id = ? AND status IN ('proposed', 'approved')")
      .pluck()
      .all(unitId) as string[],
  );
}

/** Writes a score (input as JSON text) keeping the comment; evidence links stay as they are. */
export function writeAppraisalScore(
  db: Db,
  unitId: string,
  nodeCode: string,
  memberId: string,
  input: string | null,
  score: string | null,
  comment: string,
  at: string,
): void {
  stmt(
    db,
    `INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, node_code, member_id) DO UPDATE SET input = excluded.input, score = excluded.score, updated_at = excluded.updated_at`,
  ).run(unitId, nodeCode, memberId, input, score, comment, at);
}
