/**
 * What the store holds now, read for the audit check (electron/core/audit/recompute.ts):
 * appraisals, final scores, exemptions, survey points, dossier items, stored packages, the
 * per-unit totals cache. Read-only.
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface AppraisalState {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly memberId: string;
  readonly input: string | null;
  readonly score: string | null;
  readonly comment: string;
  readonly packageHash: string | null;
}

export function allAppraisals(db: Db): AppraisalState[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, node_code AS nodeCode, member_id AS memberId, input, score, comment, package_hash AS packageHash FROM appraisals',
  ).all() as AppraisalState[];
}

export interface FinalState {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly score: string;
  readonly sourceMember: string | null;
  readonly packageHash: string | null;
  readonly decidedBy: string | null;
}

export function allFinals(db: Db): FinalState[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, node_code AS nodeCode, score, source_member AS sourceMember, package_hash AS packageHash, decided_by AS decidedBy FROM final_scores',
  ).all() as FinalState[];
}

export interface ExemptionState {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly status: string;
  readonly reason: string;
}

export function allExemptions(db: Db): ExemptionState[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, node_code AS nodeCode, status, reason FROM exemptions',
  ).all() as ExemptionState[];
}

export interface SurveyState {
  readonly unitId: string;
  readonly source: string;
  readonly points: string;
}

export function allSurveyPoints(db: Db): SurveyState[] {
  return stmt(db, 'SELECT unit_id AS unitId, source, points FROM survey_points').all() as SurveyState[];
}

export interface DossierState {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly round1Score: string | null;
  readonly round2Score: string | null;
}

export function dossierScores(db: Db, unitId: string): DossierState[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, node_code AS nodeCode, round1_score AS round1Score, round2_score AS round2Score FROM dossier_items WHERE unit_id = ? ORDER BY node_code',
  ).all(unitId) as DossierState[];
}

export interface StoredPackage {
  readonly packageHash: string;
  readonly memberId: string;
  readonly payload: string;
}

export function storedPackages(db: Db): StoredPackage[] {
  return stmt(
    db,
    'SELECT package_hash AS packageHash, member_id AS memberId, payload FROM exchange_packages ORDER BY rowid',
  ).all() as StoredPackage[];
}

export interface CachedTotals {
  readonly unitId: string;
  readonly benchmark: string;
  readonly selfAssessed: string;
  readonly surveyCbccvc: string;
  readonly surveySipas: string;
}

/** The cache rows of one scope and rules version, for a cycle's units. */
export function cachedTotals(db: Db, cycleId: string, rules: number): CachedTotals[] {
  return stmt(
    db,
    `SELECT t.unit_id AS unitId, t.benchmark, t.self_assessed AS selfAssessed, t.survey_cbccvc AS surveyCbccvc, t.survey_sipas AS surveySipas
     FROM unit_totals t JOIN units u ON u.id = t.unit_id WHERE u.cycle_id = ? AND t.scope = 'approved' AND t.rules = ?`,
  ).all(cycleId, rules) as CachedTotals[];
}

export function cycleIds(db: Db): string[] {
  return stmt(db, 'SELECT id FROM cycles ORDER BY id').pluck().all() as string[];
}

export function cycleStatus(db: Db, cycleId: string): string | undefined {
  return stmt(db, 'SELECT status FROM cycles WHERE id = ?').pluck().get(cycleId) as string | undefined;
}

export function lastSnapshot(db: Db, cycleId: string): { id: number; content: string; hash: string } | undefined {
  return stmt(db, 'SELECT id, content, hash FROM cycle_snapshots WHERE cycle_id = ? ORDER BY id DESC LIMIT 1').get(
    cycleId,
  ) as { id: number; content: string; hash: string } | undefined;
}

/** Issued or received cycle packages' signer, newest first. */
export function cycleSigners(db: Db, cycleId: string, direction: 'issued' | 'received'): string[] {
  return stmt(
    db,
    'SELECT signer_fingerprint FROM cycle_packages WHERE cycle_id = ? AND direction = ? ORDER BY revision DESC',
  )
    .pluck()
    .all(cycleId, direction) as string[];
}

export interface UnitRef {
  readonly id: string;
  readonly cycleId: string;
  readonly name: string;
}

export function allUnits(db: Db): UnitRef[] {
  return stmt(db, 'SELECT id, cycle_id AS cycleId, name FROM units').all() as UnitRef[];
}

/** Cycles this store received by a cycle package (a member's installation). */
export function receivedCycles(db: Db): Set<string> {
  return new Set(
    stmt(db, "SELECT DISTINCT cycle_id FROM cycle_packages WHERE direction = 'received'").pluck().all() as string[],
  );
}
