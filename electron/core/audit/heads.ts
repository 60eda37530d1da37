/**
 * The audit chain against its signed heads: every head's signature (by the secretariat's
 * key), every head still naming a row with its hash (a rewritten and re-chained log, or a
 * deleted tail, does not), every row written with the signing key covered by a signed head
 * at or after it (a head vouches for the rows before it through the hash chain: a merge
 * signs only its transaction's last row), and no row after the last signed head.
 *
 *   checkHeads(db, rows, { trustedFingerprint? }) → { summary, problems }
 */
import type { Db } from '../db/connection.ts';
import type { AuditRow } from '../db/repos/audit.ts';
import { headMessage, listHeads } from '../db/repos/audit-writer.ts';
import { cycleIds, cycleSigners } from '../db/repos/audit-state.ts';
import { fingerprintOf, verifyEd25519 } from '../exchange/keys.ts';
import type { StoreProblem } from './problems.ts';

export interface HeadsSummary {
  readonly signed: number;
  readonly lastSignedSeq: number | null;
  readonly lastSignedHash: string | null;
  readonly keyFingerprint: string | null;
  readonly unsignedTail: number;
}

export interface HeadsOptions {
  /** The secretariat's key (this installation's, when it is the secretariat's); else the store's own record of it. */
  readonly trustedFingerprint?: string | null;
}

export function checkHeads(
  db: Db,
  rows: readonly AuditRow[],
  options: HeadsOptions = {},
): { summary: HeadsSummary; problems: StoreProblem[] } {
  const problems: StoreProblem[] = [];
  const heads = listHeads(db);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const lastSeq = rows.length ? rows[rows.length - 1]!.seq : 0;
  const issued = cycleIds(db).flatMap((c) => cycleSigners(db, c, 'issued'));
  const trusted = options.trustedFingerprint ?? issued[0] ?? heads[0]?.keyFingerprint ?? null;
  const signed = new Set<number>();
  for (const h of heads) {
    signed.add(h.seq);
    if (
      fingerprintOf(h.publicKey) !== h.keyFingerprint ||
      !verifyEd25519(h.publicKey, headMessage(h.seq, h.headHash), h.signature)
    ) {
      problems.push({
        code: 'AUDIT_HEAD_BAD_SIGNATURE',
        seq: h.seq,
        message: `Chữ ký đầu chuỗi nhật ký tại dòng ${h.seq} không hợp lệ.`,
      });
      continue;
    }
    if (trusted && h.keyFingerprint !== trusted) {
      problems.push({
        code: 'AUDIT_HEAD_FOREIGN_KEY',
        seq: h.seq,
        message: `Đầu chuỗi nhật ký tại dòng ${h.seq} được ký bằng khóa ${h.keyFingerprint.slice(0, 16)}…, không phải khóa của cơ quan thường trực.`,
      });
    }
    const r = bySeq.get(h.seq);
    if (!r && h.seq > lastSeq) {
      problems.push({
        code: 'AUDIT_TRUNCATED',
        seq: h.seq,
        message: `Nhật ký chỉ còn đến dòng ${lastSeq}, nhưng đầu chuỗi đã ký ở dòng ${h.seq}: các dòng cuối đã bị xóa.`,
      });
    } else if (!r || r.hash !== h.headHash) {
      problems.push({
        code: 'AUDIT_HEAD_MISMATCH',
        seq: h.seq,
        message: `Dòng ${h.seq} của nhật ký không còn mã băm đã ký: nhật ký đã bị sửa rồi nối lại chuỗi.`,
      });
    }
  }
  const signingKeys = new Set<string>([...(trusted ? [trusted] : []), ...heads.map((h) => h.keyFingerprint)]);
  const lastHeadSeq = heads.length > 0 ? heads[heads.length - 1]!.seq : 0;
  const unsignedKeyed = rows.filter(
    (r) => r.keyFingerprint && signingKeys.has(r.keyFingerprint) && !signed.has(r.seq) && r.seq > lastHeadSeq,
  );
  if (unsignedKeyed.length > 0) {
    const first = unsignedKeyed[0]!.seq;
    problems.push({
      code: 'AUDIT_HEADS_MISSING',
      seq: first,
      message: `${unsignedKeyed.length} dòng nhật ký ghi bằng khóa của cơ quan thường trực không có chữ ký đầu chuỗi nào ở dòng đó hay sau nó (đầu tiên: dòng ${first}).`,
    });
  }
  const last = heads[heads.length - 1];
  const unsignedTail = last ? rows.filter((r) => r.seq > last.seq).length : 0;
  if (unsignedTail > 0) {
    problems.push({
      code: 'AUDIT_UNSIGNED_TAIL',
      seq: last!.seq + 1,
      message: `${unsignedTail} dòng nhật ký sau đầu chuỗi đã ký cuối cùng (dòng ${last!.seq}) không được ký: có thể bị ghi thêm từ ngoài ứng dụng.`,
    });
  }
  return {
    summary: {
      signed: heads.length,
      lastSignedSeq: last?.seq ?? null,
      lastSignedHash: last?.headHash ?? null,
      keyFingerprint: last?.keyFingerprint ?? trusted,
      unsignedTail,
    },
    problems,
  };
}
