import type { Database } from 'better-sqlite3';

/**
 * 011 — signed heads of the audit chain, and which key wrote each audit row:
 *
 * - audit_log.key_fingerprint: the key of the installation that wrote the row (the
 *   secretariat's unlocked key, or the member's key); hashed into the row when present;
 * - audit_heads: the chain head (seq, hash) signed with the secretariat's key at every
 *   write made while that key is unlocked (imports, decisions, finalise…). A deleted tail
 *   or a re-chained log no longer ends on a signed head's hash;
 * - triggers: audit_log takes rows only at the end of the chain (seq = last + 1, prev_hash
 *   = the last row's hash, a hash never seen): INSERT OR REPLACE, which replaces a row
 *   without running the DELETE trigger, is refused with them. audit_heads is append-only
 *   and every head names a row that exists with that hash.
 */
const APPEND = 'AUDIT_APPEND_ONLY: nhật ký kiểm tra chỉ được ghi thêm vào cuối chuỗi';
const GENESIS = '0'.repeat(64);

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE audit_log ADD COLUMN key_fingerprint TEXT CHECK (key_fingerprint IS NULL OR length(key_fingerprint) = 64);

    CREATE TRIGGER audit_log_append_seq BEFORE INSERT ON audit_log
      WHEN NEW.seq != -1 AND NEW.seq != coalesce((SELECT max(seq) FROM audit_log), 0) + 1
      BEGIN SELECT RAISE(ABORT, '${APPEND}'); END;
    CREATE TRIGGER audit_log_append_hash BEFORE INSERT ON audit_log
      WHEN EXISTS (SELECT 1 FROM audit_log WHERE hash = NEW.hash)
      BEGIN SELECT RAISE(ABORT, '${APPEND}'); END;
    CREATE TRIGGER audit_log_append_prev BEFORE INSERT ON audit_log
      WHEN NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${GENESIS}')
      BEGIN SELECT RAISE(ABORT, 'AUDIT_PREV_HASH: dòng nhật ký mới không nối tiếp mã băm của dòng cuối'); END;

    CREATE TABLE audit_heads (
      seq INTEGER PRIMARY KEY,
      head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
      signed_at TEXT NOT NULL,
      key_fingerprint TEXT NOT NULL CHECK (length(key_fingerprint) = 64),
      public_key TEXT NOT NULL,
      signature TEXT NOT NULL
    );
    CREATE TRIGGER audit_heads_no_update BEFORE UPDATE ON audit_heads
      BEGIN SELECT RAISE(ABORT, '${APPEND}'); END;
    CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
      BEGIN SELECT RAISE(ABORT, '${APPEND}'); END;
    CREATE TRIGGER audit_heads_names_a_row BEFORE INSERT ON audit_heads
      WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.head_hash)
        OR EXISTS (SELECT 1 FROM audit_heads WHERE seq >= NEW.seq)
      BEGIN SELECT RAISE(ABORT, '${APPEND}'); END;
  `);
}
