import type { Database } from 'better-sqlite3';

/**
 * 002 — the audit log: append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained (each row stores the previous row's hash and its own).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      before TEXT,
      after TEXT,
      reason TEXT,
      package_hash TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    );
    CREATE INDEX audit_entity ON audit_log (entity, entity_id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: nhật ký kiểm tra chỉ được ghi thêm'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: nhật ký kiểm tra chỉ được ghi thêm'); END;
  `);
}
