/** A unit's dossier: per sub-criterion its self-assessment (rounds 1 and 2), declared figures, explanation, evidence. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface DossierItem {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly round1Input: unknown;
  readonly round1Score: string | null;
  readonly round2Input: unknown;
  readonly round2Score: string | null;
  readonly declared: Readonly<Record<string, string | number>> | null;
  readonly explanation: string;
}

export interface EvidenceRef {
  readonly evidenceId: number;
  readonly sha256: string;
  readonly title: string;
  readonly fileName: string;
  readonly page: number | null;
}

const enc = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const jsonOrNull = (v: string | null) => (v === null ? null : JSON.parse(v));

export function upsertDossierItem(db: Db, d: DossierItem): void {
  stmt(
    db,
    `INSERT INTO dossier_items (unit_id, node_code, round1_input, round1_score, round2_input, round2_score, declared, explanation)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, node_code) DO UPDATE SET round1_input = excluded.round1_input, round1_score = excluded.round1_score,
       round2_input = excluded.round2_input, round2_score = excluded.round2_score, declared = excluded.declared, explanation = excluded.explanation`,
  ).run(
    d.unitId,
    d.nodeCode,
    enc(d.round1Input),
    d.round1Score,
    enc(d.round2Input),
    d.round2Score,
    enc(d.declared),
    d.explanation,
  );
}

type Row = {
  unitId: string;
  nodeCode: string;
  r1i: string | null;
  r1s: string | null;
  r2i: string | null;
  r2s: string | null;
  declared: string | null;
  explanation: string;
};

export function listDossier(db: Db, unitId: string): DossierItem[] {
  const rows = db
    .prepare(
      `SELECT unit_id AS unitId, node_code AS nodeCode, round1_input AS r1i, round1_score AS r1s, round2_input AS r2i, round2_score AS r2s, declared, explanation
       FROM dossier_items WHERE unit_id = ?`,
    )
    .all(unitId) as Row[];
  return rows.map((r) => ({
    unitId: r.unitId,
    nodeCode: r.nodeCode,
    round1Input: jsonOrNull(r.r1i),
    round1Score: r.r1s,
    round2Input: jsonOrNull(r.r2i),
    round2Score: r.r2s,
    declared: jsonOrNull(r.declared),
    explanation: r.explanation,
  }));
}

export function attachDossierEvidence(
  db: Db,
  unitId: string,
  nodeCode: string,
  evidenceId: number,
  page: number | null,
): void {
  stmt(db, 'INSERT OR REPLACE INTO dossier_evidence (unit_id, node_code, evidence_id, page) VALUES (?, ?, ?, ?)').run(
    unitId,
    nodeCode,
    evidenceId,
    page,
  );
}

export function dossierEvidence(db: Db, unitId: string): Map<string, EvidenceRef[]> {
  const rows = db
    .prepare(
      `SELECT de.node_code AS nodeCode, e.id AS evidenceId, e.sha256, e.title, e.file_name AS fileName, de.page
       FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id WHERE de.unit_id = ? ORDER BY e.title`,
    )
    .all(unitId) as (EvidenceRef & { nodeCode: string })[];
  const out = new Map<string, EvidenceRef[]>();
  for (const { nodeCode, ...ref } of rows) out.set(nodeCode, [...(out.get(nodeCode) ?? []), ref]);
  return out;
}
