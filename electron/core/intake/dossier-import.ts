import { rmSync } from 'node:fs';
import { serialize } from '../../../shared/decimal/rational.ts';
import type { IntakeCommitted, IntakePreview } from '../../../shared/contract/intake.ts';
import type { CodedFailure } from '../../../shared/errors/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { putEvidence } from '../db/repos/evidence.ts';
import { insertDossierImport, proposeUnitExemption, replaceItemEvidence, writeRoundItem } from '../db/repos/intake.ts';
import { evidencePath, mimeOf } from '../evidence/files.ts';
import { problem, refusal } from './cells.ts';
import { hashEntry, storeEntry } from './evidence-source.ts';
import { COL, HEADERS, SHEET } from './layout.ts';
import { type IntakeRun, checkCancel } from './progress.ts';
import { type DossierImportInput, citedEntries, emit, hashAll, prepare } from './dossier-prepare.ts';
import { buildPreview } from './dossier-preview.ts';

/** Reads, checks, hashes the cited files; writes nothing. */
export async function previewDossierImport(db: Db, input: DossierImportInput, run?: IntakeRun): Promise<IntakePreview> {
  const p = await prepare(db, input, run);
  const hashes = await hashAll(citedEntries(p), run, 'hash', (e, onBytes) => hashEntry(e, run, onBytes));
  return buildPreview(db, p, input.round, hashes);
}

function missingRefusal(preview: IntakePreview): CodedFailure {
  const problems = preview.files.missing.flatMap((m) =>
    m.rows.map((row, i) =>
      problem(
        'INTAKE_EVIDENCE_MISSING',
        { sheet: SHEET, row, column: COL.evidence, header: HEADERS.evidence },
        `tài liệu “${m.fileName}” được dẫn chiếu ở tiêu chí ${m.codes[i]} nhưng không có trong tài liệu kiểm chứng gửi kèm.`,
      ),
    ),
  );
  return refusal(problems);
}

/** Preview, then (when nothing is missing) store the files and write everything in one transaction. */
export async function commitDossierImport(
  db: Db,
  dataDir: string,
  input: DossierImportInput & { readonly actor: string },
  run?: IntakeRun,
): Promise<IntakeCommitted> {
  const p = await prepare(db, input, run);
  const early = buildPreview(db, p, input.round, null);
  if (!early.canCommit) throw missingRefusal(early);

  const created: string[] = [];
  let committed = false;
  try {
    const hashes = await hashAll(citedEntries(p), run, 'store', async (e, onBytes) => {
      const r = await storeEntry(dataDir, e, run, onBytes);
      if (r.created) created.push(r.sha256);
      return r.sha256;
    });
    checkCancel(run);
    const preview = buildPreview(db, p, input.round, hashes);
    emit(run, { phase: 'write', done: 0, total: p.items.length, bytesDone: 0, bytesTotal: 0 });
    const at = new Date().toISOString();
    const result = tx(db, () => {
      const ids = new Map<string, number>();
      for (const [e, sha] of hashes) {
        if (!ids.has(sha))
          ids.set(
            sha,
            putEvidence(db, {
              cycleId: p.target.cycle.id,
              sha256: sha,
              title: e.name.replace(/\.[^.]+$/, ''),
              fileName: e.name,
              size: e.size,
              mime: mimeOf(e.name),
            }),
          );
      }
      let exemptions = 0;
      const proposed = new Set<string>();
      for (const it of p.items) {
        writeRoundItem(db, {
          unitId: p.unit.id,
          nodeCode: it.code,
          round: input.round,
          input: it.input,
          score: it.score === null ? null : serialize(it.score),
          claimed: it.claimed === null ? null : serialize(it.claimed),
          declared: it.declared,
          explanation: it.explanation,
        });
        const refs = new Map<number, { page: number | null; citedName: string }>();
        for (const c of it.citations) {
          const r = p.resolved.get(c)!;
          const id = 'entry' in r ? ids.get(hashes.get(r.entry)!)! : r.stored.evidenceId;
          if (!refs.has(id) || refs.get(id)!.page === null) refs.set(id, { page: c.page, citedName: c.fileName });
        }
        replaceItemEvidence(
          db,
          p.unit.id,
          it.code,
          [...refs].map(([evidenceId, v]) => ({ evidenceId, ...v })),
        );
        const lowers = it.loweredNode;
        if (lowers !== null && !proposed.has(lowers)) {
          proposed.add(lowers);
          if (!proposeUnitExemption(db, p.unit.id, lowers, it.lowered!, it.loweredBasis, at)) continue;
          exemptions += 1;
          appendAudit(db, {
            actor: input.actor,
            action: 'exemption.propose',
            entity: 'exemption',
            entityId: `${p.unit.id}/${lowers}`,
            after: {
              reason: it.lowered,
              legalBasis: it.loweredBasis,
              proposedBy: 'unit',
              round: input.round,
              fileSha256: p.workbook.sha256,
            },
            at,
          });
        }
      }
      const importId = insertDossierImport(db, {
        unitId: p.unit.id,
        round: input.round,
        source: 'workbook',
        fileName: p.workbook.name,
        fileSha256: p.workbook.sha256,
        items: p.items.length,
        evidenceFiles: ids.size,
        score: preview.totals.score,
        claimed: preview.totals.claimed,
        importedBy: input.actor,
        importedAt: at,
      });
      appendAudit(db, {
        actor: input.actor,
        action: 'dossier.import',
        entity: 'unit',
        entityId: p.unit.id,
        after: {
          round: input.round,
          file: p.workbook.name,
          fileSha256: p.workbook.sha256,
          items: p.items.length,
          score: preview.totals.score,
          claimed: preview.totals.claimed,
          evidence: [...hashes].map(([e, sha]) => ({ file: e.path, sha256: sha })),
          changes: preview.changes?.length ?? null,
        },
        at,
      });
      return { importId, auditRows: exemptions + 1 };
    });
    committed = true;
    emit(run, { phase: 'write', done: p.items.length, total: p.items.length, bytesDone: 0, bytesTotal: 0 });
    return { preview, importId: result.importId, newFiles: created.length, auditRows: result.auditRows };
  } finally {
    if (!committed) for (const sha of created) rmSync(evidencePath(dataDir, sha), { force: true });
  }
}
