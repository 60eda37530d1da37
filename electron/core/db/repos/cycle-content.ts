/**
 * The cycle as the secretariat issues it and a member's store receives it: the units'
 * dossiers and the evidence they cite, read for the cycle package; and the writes of a
 * received cycle (its cycle, units, roster, dossiers, approved exemptions), which run inside
 * the import's transaction with the exchange's unlock row set (triggers of migration 003).
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

const IN_CYCLE = 'unit_id IN (SELECT id FROM units WHERE cycle_id = ?)';

export interface DossierItemRow {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly r1i: string | null;
  readonly r1s: string | null;
  readonly r2i: string | null;
  readonly r2s: string | null;
  readonly declared: string | null;
  readonly explanation: string;
}

export function cycleDossierItems(db: Db, cycleId: string): DossierItemRow[] {
  return stmt(
    db,
    `SELECT unit_id AS unitId, node_code AS nodeCode, round1_input AS r1i, round1_score AS r1s, round2_input AS r2i, round2_score AS r2s, declared, explanation
       FROM dossier_items WHERE ${IN_CYCLE} ORDER BY unit_id, node_code`,
  ).all(cycleId) as DossierItemRow[];
}

export interface DossierLink {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly sha256: string;
  readonly page: number | null;
}

export function cycleDossierLinks(db: Db, cycleId: string): DossierLink[] {
  return stmt(
    db,
    `SELECT de.unit_id AS unitId, de.node_code AS nodeCode, e.sha256, de.page FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id
       WHERE de.${IN_CYCLE} ORDER BY de.unit_id, de.node_code, e.sha256`,
  ).all(cycleId) as DossierLink[];
}

export interface EvidenceEntry {
  readonly sha256: string;
  readonly title: string;
  readonly fileName: string;
  readonly size: number | null;
  readonly mime: string | null;
}

export function cycleEvidenceEntries(db: Db, cycleId: string): EvidenceEntry[] {
  return stmt(
    db,
    'SELECT sha256, title, file_name AS fileName, size, mime FROM evidence WHERE cycle_id = ? ORDER BY sha256',
  ).all(cycleId) as EvidenceEntry[];
}

// ------------------------------------------------------------------ writes of a received cycle

/** Lets the exchange write a received cycle's read-only rows until lockExchange. */
export function unlockExchange(db: Db): void {
  stmt(db, 'INSERT OR IGNORE INTO exchange_unlock (id) VALUES (1)').run();
}

export function lockExchange(db: Db): void {
  stmt(db, 'DELETE FROM exchange_unlock').run();
}

export function upsertReceivedCycle(
  db: Db,
  c: { id: string; name: string; year: number; province: string; precision: number; createdAt: string },
): void {
  stmt(
    db,
    `INSERT INTO cycles (id, name, year, province, precision, status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, year = excluded.year, province = excluded.province, precision = excluded.precision`,
  ).run(c.id, c.name, c.year, c.province, c.precision, c.createdAt);
}

/** A unit of the received cycle (a unit id of another cycle is left as it is). */
export function upsertReceivedUnit(
  db: Db,
  cycleId: string,
  u: { id: string; name: string; group: string; sortOrder: number },
): void {
  stmt(
    db,
    `INSERT INTO units (id, cycle_id, name, grp, sort_order) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, grp = excluded.grp, sort_order = excluded.sort_order WHERE units.cycle_id = excluded.cycle_id`,
  ).run(u.id, cycleId, u.name, u.group, u.sortOrder);
}

/** A roster entry of the received cycle (a member id of another cycle is left as it is). */
export function upsertReceivedMember(
  db: Db,
  cycleId: string,
  m: {
    id: string;
    name: string;
    position: string;
    agency: string;
    role: string;
    publicKey: string | null;
    fingerprint: string | null;
  },
): void {
  stmt(
    db,
    `INSERT INTO members (id, cycle_id, name, position, agency, role, public_key, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, agency = excluded.agency, role = excluded.role,
         public_key = excluded.public_key, fingerprint = excluded.fingerprint WHERE members.cycle_id = excluded.cycle_id`,
  ).run(m.id, cycleId, m.name, m.position, m.agency, m.role, m.publicKey, m.fingerprint);
}

/** Removes the cycle's dossiers and their evidence links (the received revision replaces them). */
export function clearCycleDossiers(db: Db, cycleId: string): void {
  stmt(db, `DELETE FROM dossier_evidence WHERE ${IN_CYCLE}`).run(cycleId);
  stmt(db, `DELETE FROM dossier_items WHERE ${IN_CYCLE}`).run(cycleId);
}

/** A dossier item; inputs and declarations are JSON text already. */
export function insertDossierItem(
  db: Db,
  d: {
    unitId: string;
    nodeCode: string;
    round1Input: string | null;
    round1Score: string | null;
    round2Input: string | null;
    round2Score: string | null;
    declared: string | null;
    explanation: string;
  },
): void {
  stmt(
    db,
    'INSERT INTO dossier_items (unit_id, node_code, round1_input, round1_score, round2_input, round2_score, declared, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(d.unitId, d.nodeCode, d.round1Input, d.round1Score, d.round2Input, d.round2Score, d.declared, d.explanation);
}

/** An exemption the secretariat approved, as the cycle package carries it. */
export function upsertApprovedExemption(
  db: Db,
  e: {
    unitId: string;
    nodeCode: string;
    reason: string;
    legalBasis: string;
    proposedBy: string | null;
    decidedBy: string | null;
    createdAt: string;
    decidedAt: string | null;
  },
): void {
  stmt(
    db,
    `INSERT INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, decided_by, decision_reason, created_at, decided_at)
       VALUES (?, ?, ?, ?, ?, 'approved', ?, NULL, ?, ?)
       ON CONFLICT (unit_id, node_code) DO UPDATE SET reason = excluded.reason, legal_basis = excluded.legal_basis, status = 'approved',
         decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
  ).run(e.unitId, e.nodeCode, e.reason, e.legalBasis, e.proposedBy, e.decidedBy, e.createdAt, e.decidedAt);
}

/** Removes the cycle's survey points (the secretariat's replace them). */
export function clearCycleSurveyPoints(db: Db, cycleId: string): void {
  stmt(db, `DELETE FROM survey_points WHERE ${IN_CYCLE}`).run(cycleId);
}
