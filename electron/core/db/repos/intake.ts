/**
 * Self-assessment intake (electron/core/intake): a unit's rounds written item by item, the
 * evidence it cites, its proposed lowered benchmarks, and the record of each imported workbook.
 */
import type { Framework } from '../../../../shared/framework/types.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface IntakeUnit {
  readonly id: string;
  readonly cycleId: string;
  readonly name: string;
  readonly group: string;
}

/** A unit of the cycle by its exact name, else by its name compared without case and surrounding spaces (NFC). */
export function findUnitByName(db: Db, cycleId: string, name: string): IntakeUnit | undefined {
  const rows = stmt(db, 'SELECT id, cycle_id AS cycleId, name, grp AS "group" FROM units WHERE cycle_id = ?').all(
    cycleId,
  ) as IntakeUnit[];
  const exact = rows.find((u) => u.name === name);
  if (exact) return exact;
  const key = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return rows.find((u) => key(u.name) === key(name));
}

export function unitsOfCycle(db: Db, cycleId: string): IntakeUnit[] {
  return stmt(
    db,
    'SELECT id, cycle_id AS cycleId, name, grp AS "group" FROM units WHERE cycle_id = ? ORDER BY sort_order, name',
  ).all(cycleId) as IntakeUnit[];
}

/** The framework a cycle assigns to a group (cycle_frameworks), with its hash. */
export function groupFramework(
  db: Db,
  cycleId: string,
  group: string,
): { hash: string; framework: Framework } | undefined {
  const row = stmt(
    db,
    'SELECT cf.framework_hash AS hash, f.content AS content FROM cycle_frameworks cf JOIN frameworks f ON f.hash = cf.framework_hash WHERE cf.cycle_id = ? AND cf.grp = ?',
  ).get(cycleId, group) as { hash: string; content: string } | undefined;
  return row ? { hash: row.hash, framework: JSON.parse(row.content) as Framework } : undefined;
}

export interface RoundItem {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly round: 1 | 2;
  readonly input: unknown;
  readonly score: string | null;
  readonly claimed: string | null;
  readonly declared: Readonly<Record<string, string>> | null;
  readonly explanation: string;
}

/** Writes one round of one item; the other round's columns stay as they were. */
export function writeRoundItem(db: Db, it: RoundItem): void {
  const r = it.round === 1 ? 'round1' : 'round2';
  stmt(
    db,
    `INSERT INTO dossier_items (unit_id, node_code, ${r}_input, ${r}_score, ${r}_claimed, declared, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, node_code) DO UPDATE SET ${r}_input = excluded.${r}_input, ${r}_score = excluded.${r}_score,
       ${r}_claimed = excluded.${r}_claimed, declared = excluded.declared, explanation = excluded.explanation`,
  ).run(
    it.unitId,
    it.nodeCode,
    it.input === null || it.input === undefined ? null : JSON.stringify(it.input),
    it.score,
    it.claimed,
    it.declared ? JSON.stringify(it.declared) : null,
    it.explanation,
  );
}

export interface StoredRound {
  readonly nodeCode: string;
  readonly r1Input: string | null;
  readonly r1Score: string | null;
  readonly r2Input: string | null;
  readonly r2Score: string | null;
  readonly explanation: string;
}

export function storedRounds(db: Db, unitId: string): StoredRound[] {
  return stmt(
    db,
    `SELECT node_code AS nodeCode, round1_input AS r1Input, round1_score AS r1Score, round2_input AS r2Input, round2_score AS r2Score, explanation
     FROM dossier_items WHERE unit_id = ?`,
  ).all(unitId) as StoredRound[];
}

/** The unit's evidence files already stored, by file name (what a round 2 may cite again without re-sending). */
export function storedEvidenceByName(db: Db, unitId: string): Map<string, { evidenceId: number; sha256: string }> {
  const rows = stmt(
    db,
    `SELECT DISTINCT e.id AS evidenceId, e.sha256, COALESCE(de.cited_name, e.file_name) AS fileName FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id WHERE de.unit_id = ?`,
  ).all(unitId) as { evidenceId: number; sha256: string; fileName: string }[];
  return new Map(rows.map((r) => [r.fileName, { evidenceId: r.evidenceId, sha256: r.sha256 }]));
}

/** File names cited per item (for the round-2 comparison). */
export function citedNames(db: Db, unitId: string): Map<string, string[]> {
  const rows = stmt(
    db,
    `SELECT de.node_code AS nodeCode, COALESCE(de.cited_name, e.file_name) AS fileName, de.page FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id WHERE de.unit_id = ? ORDER BY 2`,
  ).all(unitId) as { nodeCode: string; fileName: string; page: number | null }[];
  const out = new Map<string, string[]>();
  for (const r of rows)
    out.set(r.nodeCode, [...(out.get(r.nodeCode) ?? []), r.page ? `${r.fileName} (tr. ${r.page})` : r.fileName]);
  return out;
}

export function replaceItemEvidence(
  db: Db,
  unitId: string,
  nodeCode: string,
  refs: readonly { evidenceId: number; page: number | null; citedName: string }[],
): void {
  stmt(db, 'DELETE FROM dossier_evidence WHERE unit_id = ? AND node_code = ?').run(unitId, nodeCode);
  const ins = stmt(
    db,
    'INSERT OR REPLACE INTO dossier_evidence (unit_id, node_code, evidence_id, page, cited_name) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of refs) ins.run(unitId, nodeCode, r.evidenceId, r.page, r.citedName);
}

/** A unit's own proposal of a lowered benchmark: written unless a decision (approved/rejected) already stands. Returns whether it was written. */
export function proposeUnitExemption(
  db: Db,
  unitId: string,
  nodeCode: string,
  reason: string,
  legalBasis: string,
  at: string,
): boolean {
  const status = stmt(db, 'SELECT status FROM exemptions WHERE unit_id = ? AND node_code = ?')
    .pluck()
    .get(unitId, nodeCode) as string | undefined;
  if (status === 'approved' || status === 'rejected') return false;
  stmt(
    db,
    `INSERT INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, created_at) VALUES (?, ?, ?, ?, NULL, 'proposed', ?)
     ON CONFLICT (unit_id, node_code) DO UPDATE SET reason = excluded.reason, legal_basis = excluded.legal_basis, proposed_by = NULL, status = 'proposed'`,
  ).run(unitId, nodeCode, reason, legalBasis, at);
  return true;
}

export interface DossierImportRow {
  readonly unitId: string;
  readonly round: 1 | 2;
  readonly source: 'workbook' | 'collected';
  readonly fileName: string;
  readonly fileSha256: string;
  readonly items: number;
  readonly evidenceFiles: number;
  readonly score: string;
  readonly claimed: string | null;
  readonly importedBy: string;
  readonly importedAt: string;
}

export function insertDossierImport(db: Db, r: DossierImportRow): number {
  const info = stmt(
    db,
    `INSERT INTO dossier_imports (unit_id, round, source, file_name, file_sha256, items, evidence_files, score, claimed, imported_by, imported_at)
     VALUES (@unitId, @round, @source, @fileName, @fileSha256, @items, @evidenceFiles, @score, @claimed, @importedBy, @importedAt)`,
  ).run(r);
  return Number(info.lastInsertRowid);
}

export function hasRound(db: Db, unitId: string, round: 1 | 2): boolean {
  const col = round === 1 ? 'round1_score' : 'round2_score';
  return (
    stmt(db, `SELECT 1 FROM dossier_items WHERE unit_id = ? AND ${col} IS NOT NULL LIMIT 1`).pluck().get(unitId) !==
    undefined
  );
}

export function cycleHasReceivedPackage(db: Db, cycleId: string): boolean {
  return (
    stmt(db, "SELECT 1 FROM cycle_packages WHERE cycle_id = ? AND direction = 'received' LIMIT 1")
      .pluck()
      .get(cycleId) !== undefined
  );
}
