/**
 * Opening an evidence document: it must be registered in the open cycle and its file must
 * still be the content its hash names. The platform then shows it: Electron opens a
 * viewing copy (the stored file has no extension) with the system viewer; the browser
 * harness serves it by hash behind a short-lived ticket.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../db/connection.ts';
import { type Evidence, getEvidence } from '../db/repos/evidence.ts';
import { evidencePath, evidenceStatus } from './files.ts';

/** The document `evidenceId` of cycle `cycleId`, checked intact; refusals are coded and in Vietnamese. */
export function requireIntactEvidence(db: Db, dataDir: string, cycleId: string, evidenceId: number): Evidence {
  const ev = getEvidence(db, evidenceId);
  if (!ev || ev.cycleId !== cycleId) {
    throw new CodedFailure('EVIDENCE_NOT_FOUND', 'Tài liệu kiểm chứng được dẫn chiếu không có trong kỳ đánh giá.', { evidenceId });
  }
  const status = evidenceStatus(dataDir, ev.sha256);
  if (status === 'missing') {
    throw new CodedFailure('EVIDENCE_MISSING', `Không tìm thấy tệp “${ev.fileName}” (tài liệu “${ev.title}”) trong thư mục dữ liệu của ứng dụng.`, { evidenceId });
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

/** Is some document of any cycle stored under this hash? (The harness serves nothing else.) */
export function isRegisteredHash(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1').pluck().get(sha256) !== undefined;
}

/** A read-only copy under the document's own file name, so that the system picks the right viewer. */
export function viewingCopy(dataDir: string, ev: Pick<Evidence, 'sha256' | 'fileName'>): string {
  const dir = join(tmpdir(), 'cchc-tai-lieu', ev.sha256.slice(0, 16));
  const name = basename(ev.fileName).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || ev.sha256;
  const target = join(dir, name);
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(evidencePath(dataDir, ev.sha256), target);
    chmodSync(target, 0o444);
  }
  return target;
}
