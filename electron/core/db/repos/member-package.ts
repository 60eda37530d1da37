/** What a member's appraisal package carries, read from his store: appraisals, cited evidence, proposals. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface MemberAppraisalRow {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly input: string | null;
  readonly score: string | null;
  readonly comment: string;
  readonly updatedAt: string;
}

export function memberAppraisalsOfCycle(db: Db, memberId: string, cycleId: string): MemberAppraisalRow[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, node_code AS nodeCode, input, score, comment, updated_at AS updatedAt FROM appraisals WHERE member_id = ? AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
  ).all(memberId, cycleId) as MemberAppraisalRow[];
}

export interface MemberCitation {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly sha256: string;
  readonly page: number | null;
  readonly title: string;
  readonly fileName: string;
}

/** The evidence the member cites in the cycle, by hash and page. */
export function memberCitationsOfCycle(db: Db, memberId: string, cycleId: string): MemberCitation[] {
  return stmt(
    db,
    `SELECT ae.unit_id AS unitId, ae.node_code AS nodeCode, e.sha256, ae.page, e.title, e.file_name AS fileName
       FROM appraisal_evidence ae JOIN evidence e ON e.id = ae.evidence_id WHERE ae.member_id = ? AND ae.unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY e.sha256, ae.page`,
  ).all(memberId, cycleId) as MemberCitation[];
}

export interface MemberProposal {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly createdAt: string;
}

/** The member's exemption proposals in the cycle still standing (proposed or approved). */
export function memberProposalsOfCycle(db: Db, memberId: string, cycleId: string): MemberProposal[] {
  return stmt(
    db,
    `SELECT unit_id AS unitId, node_code AS nodeCode, reason, legal_basis AS legalBasis, created_at AS createdAt FROM exemptions
       WHERE proposed_by = ? AND status IN ('proposed', 'approved') AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
  ).all(memberId, cycleId) as MemberProposal[];
}

/** How many sub-criteria the member's next package would carry: appraisals with a score or a comment, standing proposals. */
export function memberItemCount(db: Db, memberId: string, cycleId: string): number {
  return stmt(
    db,
    `SELECT count(*) FROM (SELECT unit_id, node_code FROM appraisals WHERE member_id = @member AND (score IS NOT NULL OR comment != '') AND unit_id IN (SELECT id FROM units WHERE cycle_id = @cycle)
       UNION SELECT unit_id, node_code FROM exemptions WHERE proposed_by = @member AND status IN ('proposed', 'approved') AND unit_id IN (SELECT id FROM units WHERE cycle_id = @cycle))`,
  )
    .pluck()
    .get({ member: memberId, cycle: cycleId }) as number;
}
