/**
 * Evidence files in the app's data folder, stored by the sha256 of their content
 * (evidence/ab/abcdef…). A cited file that is missing, or whose content no longer
 * has its hash, is flagged wherever it is cited.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EVIDENCE_TYPES, EVIDENCE_TYPES_TEXT, isEvidenceType } from '../../../shared/evidence/types.ts';
import type { Db } from '../db/connection.ts';
import { putEvidence } from '../db/repos/evidence.ts';

export type EvidenceStatus = 'ok' | 'missing' | 'changed';

/** Largest evidence file accepted (scanned decisions run to a few MB; 100 MB is generous). */
export const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function evidencePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new CodedFailure('EVIDENCE_BAD_HASH', 'Mã băm của tài liệu không hợp lệ.');
  return join(dataDir, 'evidence', sha256.slice(0, 2), sha256);
}

/** Writes the bytes under their hash (atomically: temp file + rename); returns the hash. */
export function storeEvidenceBytes(dataDir: string, bytes: Uint8Array): string {
  const sha = sha256Hex(bytes);
  const target = evidencePath(dataDir, sha);
  if (!existsSync(target)) {
    mkdirSync(join(dataDir, 'evidence', sha.slice(0, 2)), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
  }
  return sha;
}

const verified = new Map<string, { mtimeMs: number; size: number; ok: boolean }>();

/** Is the file present and still the content its hash names? Re-hashes only when size or mtime moved. */
export function evidenceStatus(dataDir: string, sha256: string): EvidenceStatus {
  const path = evidencePath(dataDir, sha256);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return 'missing';
  }
  const seen = verified.get(path);
  if (seen && seen.mtimeMs === st.mtimeMs && seen.size === st.size) return seen.ok ? 'ok' : 'changed';
  const ok = sha256Hex(readFileSync(path)) === sha256;
  verified.set(path, { mtimeMs: st.mtimeMs, size: st.size, ok });
  return ok ? 'ok' : 'changed';
}

export function mimeOf(fileName: string): string {
  return EVIDENCE_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Refuses a document whose kind is not on the allow-list (EVIDENCE_TYPE_REFUSED). */
export function requireEvidenceType(fileName: string): void {
  if (!isEvidenceType(fileName)) {
    throw new CodedFailure(
      'EVIDENCE_TYPE_REFUSED',
      `Tệp “${basename(fileName)}” không được nhận làm tài liệu kiểm chứng: chỉ nhận các loại ${EVIDENCE_TYPES_TEXT}.`,
      { file: basename(fileName) },
    );
  }
}

/** Copies a document into the data folder and registers it in the cycle; returns its evidence id. */
export function importEvidenceBytes(
  db: Db,
  dataDir: string,
  cycleId: string,
  fileName: string,
  bytes: Uint8Array,
  title?: string,
): number {
  requireEvidenceType(fileName);
  if (bytes.byteLength === 0) throw new CodedFailure('EVIDENCE_EMPTY', `Tệp “${fileName}” rỗng.`);
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) {
    throw new CodedFailure('EVIDENCE_TOO_LARGE', `Tệp “${fileName}” lớn hơn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  }
  const sha256 = storeEvidenceBytes(dataDir, bytes);
  const name = basename(fileName);
  return putEvidence(db, {
    cycleId,
    sha256,
    title: title?.trim() || name.replace(/\.[^.]+$/, ''),
    fileName: name,
    size: bytes.byteLength,
    mime: mimeOf(name),
  });
}
