/**
 * Opening an evidence document: it must be registered in the open cycle and its file must
 * still be the content its hash names. The platform then shows it: Electron opens a
 * viewing copy (the stored file has no extension) with the system viewer; the browser
 * harness serves it by hash behind a short-lived ticket.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../db/connection.ts';
import { type Evidence, getEvidence } from '../db/repos/evidence.ts';
import { evidencePath, evidenceStatus, requireEvidenceType, sha256Hex } from './files.ts';

/** The document `evidenceId` of cycle `cycleId`, checked intact; refusals are coded and in Vietnamese. */
export function requireIntactEvidence(db: Db, dataDir: string, cycleId: string, evidenceId: number): Evidence {
  const ev = getEvidence(db, evidenceId);
  if (!ev || ev.cycleId !== cycleId) {
    throw new CodedFailure('EVIDENCE_NOT_FOUND', 'Tài liệu kiểm chứng được dẫn chiếu không có trong kỳ đánh giá.', {
      evidenceId,
    });
  }
  const status = evidenceStatus(dataDir, ev.sha256);
  if (status === 'missing') {
    throw new CodedFailure(
      'EVIDENCE_MISSING',
      `Không tìm thấy tệp “${ev.fileName}” (tài liệu “${ev.title}”) trong thư mục dữ liệu của ứng dụng.`,
      { evidenceId },
    );
  }
  if (status === 'changed') {
    throw new CodedFailure(
      'EVIDENCE_CHANGED',
      `Tệp “${ev.fileName}” (tài liệu “${ev.title}”) đã bị thay đổi so với bản đơn vị nộp (mã băm không khớp), nên không được mở.`,
      { evidenceId },
    );
  }
  return ev;
}

let privateRoot: string | null = null;

/** This process's folder for viewing copies: made by mkdtemp (an unpredictable name, mode 0700, this user only). */
function viewingRoot(): string {
  if (privateRoot === null || !existsSync(privateRoot)) {
    privateRoot = mkdtempSync(join(tmpdir(), 'cchc-tai-lieu-'));
    chmodSync(privateRoot, 0o700);
  }
  return privateRoot;
}

/**
 * A read-only copy under the document's own file name, so that the system picks the right
 * viewer: only for the allowed document kinds, written afresh for every opening into a new
 * folder inside the private one, from bytes hashed again just before (a file planted or
 * changed since the last look is never what opens).
 */
export function viewingCopy(dataDir: string, ev: Pick<Evidence, 'sha256' | 'fileName' | 'title'>): string {
  requireEvidenceType(ev.fileName);
  const bytes = readFileSync(evidencePath(dataDir, ev.sha256));
  if (sha256Hex(bytes) !== ev.sha256) {
    throw new CodedFailure(
      'EVIDENCE_CHANGED',
      `Tệp “${ev.fileName}” (tài liệu “${ev.title}”) đã bị thay đổi so với bản đơn vị nộp (mã băm không khớp), nên không được mở.`,
    );
  }
  const dir = mkdtempSync(join(viewingRoot(), `${ev.sha256.slice(0, 8)}-`));
  const name = basename(ev.fileName).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || ev.sha256;
  const target = join(dir, name);
  writeFileSync(target, bytes, { flag: 'wx', mode: 0o400 });
  return target;
}
