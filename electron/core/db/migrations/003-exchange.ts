import type { Database } from 'better-sqlite3';

/**
 * 003 — exchanging signed packages between the secretariat and the members:
 *
 * - exchange_packages: at the secretariat, every accepted appraisal package, kept whole
 *   (the canonical payload that was signed, the public key and the signature) so that any
 *   merged score can be shown to come, unaltered, from its member; one per (member, sequence);
 * - exchange_outbox: at a member, the packages this installation signed (sequence and the
 *   previous package's hash chain the next one);
 * - cycle_packages: cycle packages issued (secretariat) or received (member), by revision;
 * - conflicts_of_interest: a member's declaration for a unit (his own agency, say);
 * - cycle_snapshots: the results stored with their hash when a cycle is finalised;
 * - provenance columns: appraisals.package_hash and exemptions.package_hash (the package a
 *   row came from, NULL for a local edit); final_scores.basis (the members' scores a
 *   secretariat decision was made on; the decision lapses when they change);
 * - exchange_unlock: a guard row that only a cycle-package import holds, inside its own
 *   transaction (a crash rolls it back with everything else).
 *
 * Triggers hold three rules at the store level, whatever the caller:
 * - dossiers of a cycle received from the secretariat are read-only (except during the
 *   import of a newer cycle package);
 * - no appraisal or exemption proposal by a member for a unit he declared a conflict of
 *   interest in;
 * - a finalised cycle is locked: no appraisal, final score, exemption, declaration or
 *   survey point of its units changes until it is reopened.
 */
const LOCKED = (row: 'NEW' | 'OLD') =>
  `(SELECT c.status FROM units u JOIN cycles c ON c.id = u.cycle_id WHERE u.id = ${row}.unit_id) = 'finalised'`;

function lockTriggers(table: string): string {
  const msg = `CYCLE_FINALISED: kỳ đánh giá đã chốt kết quả; mở lại (có lý do) trước khi sửa`;
  return `
    CREATE TRIGGER ${table}_locked_insert BEFORE INSERT ON ${table} WHEN ${LOCKED('NEW')}
      BEGIN SELECT RAISE(ABORT, '${msg}'); END;
    CREATE TRIGGER ${table}_locked_update BEFORE UPDATE ON ${table} WHEN ${LOCKED('OLD')} OR ${LOCKED('NEW')}
      BEGIN SELECT RAISE(ABORT, '${msg}'); END;
    CREATE TRIGGER ${table}_locked_delete BEFORE DELETE ON ${table} WHEN ${LOCKED('OLD')}
      BEGIN SELECT RAISE(ABORT, '${msg}'); END;`;
}

const RECEIVED = (row: 'NEW' | 'OLD') =>
  `EXISTS (SELECT 1 FROM cycle_packages p JOIN units u ON u.cycle_id = p.cycle_id WHERE u.id = ${row}.unit_id AND p.direction = 'received')
   AND NOT EXISTS (SELECT 1 FROM exchange_unlock)`;

function readOnlyTriggers(table: string): string {
  const msg = 'DOSSIER_READ_ONLY: hồ sơ do cơ quan thường trực gửi chỉ được xem, không được sửa';
  return `
    CREATE TRIGGER ${table}_read_only_insert BEFORE INSERT ON ${table} WHEN ${RECEIVED('NEW')}
      BEGIN SELECT RAISE(ABORT, '${msg}'); END;
    CREATE TRIGGER ${table}_read_only_update BEFORE UPDATE ON ${table} WHEN ${RECEIVED('OLD')}
      BEGIN SELECT RAISE(ABORT, '${msg}'); END;
    CREATE TRIGGER ${table}_read_only_delete BEFORE DELETE ON ${table} WHEN ${RECEIVED('OLD')}
      BEGIN SELECT RAISE(ABORT, '${msg}'); END;`;
}

const COI_MSG =
  'CONFLICT_OF_INTEREST: thành viên đã khai báo xung đột lợi ích với đơn vị này nên không được chấm điểm đơn vị';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE appraisals ADD COLUMN package_hash TEXT;
    ALTER TABLE exemptions ADD COLUMN package_hash TEXT;
    ALTER TABLE final_scores ADD COLUMN basis TEXT;

    CREATE TABLE exchange_packages (
      package_hash TEXT PRIMARY KEY CHECK (length(package_hash) = 64),
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES members (id),
      key_fingerprint TEXT NOT NULL CHECK (length(key_fingerprint) = 64),
      sequence INTEGER NOT NULL CHECK (sequence > 0),
      previous_hash TEXT,
      created_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      file_name TEXT NOT NULL,
      items INTEGER NOT NULL CHECK (items >= 0),
      payload TEXT NOT NULL,
      public_key TEXT NOT NULL,
      signature TEXT NOT NULL,
      UNIQUE (member_id, sequence)
    );
    CREATE INDEX exchange_packages_cycle ON exchange_packages (cycle_id, member_id, sequence);

    CREATE TABLE exchange_outbox (
      package_hash TEXT PRIMARY KEY CHECK (length(package_hash) = 64),
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES members (id),
      sequence INTEGER NOT NULL CHECK (sequence > 0),
      previous_hash TEXT,
      created_at TEXT NOT NULL,
      items INTEGER NOT NULL CHECK (items >= 0),
      UNIQUE (member_id, sequence)
    );

    CREATE TABLE cycle_packages (
      package_hash TEXT NOT NULL CHECK (length(package_hash) = 64),
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      direction TEXT NOT NULL CHECK (direction IN ('issued', 'received')),
      revision INTEGER NOT NULL CHECK (revision > 0),
      signer_fingerprint TEXT NOT NULL CHECK (length(signer_fingerprint) = 64),
      issued_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (package_hash, direction),
      UNIQUE (cycle_id, direction, revision)
    );

    CREATE TABLE conflicts_of_interest (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      declared_at TEXT NOT NULL,
      package_hash TEXT,
      PRIMARY KEY (unit_id, member_id)
    ) WITHOUT ROWID;
    CREATE INDEX conflicts_of_interest_member ON conflicts_of_interest (member_id);

    CREATE TABLE cycle_snapshots (
      id INTEGER PRIMARY KEY,
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      reason TEXT,
      content TEXT NOT NULL,
      hash TEXT NOT NULL CHECK (length(hash) = 64)
    );

    CREATE TABLE exchange_unlock (id INTEGER PRIMARY KEY CHECK (id = 1));

    ${readOnlyTriggers('dossier_items')}
    ${readOnlyTriggers('dossier_evidence')}

    CREATE TRIGGER appraisals_coi_insert BEFORE INSERT ON appraisals
      WHEN EXISTS (SELECT 1 FROM conflicts_of_interest WHERE unit_id = NEW.unit_id AND member_id = NEW.member_id)
      BEGIN SELECT RAISE(ABORT, '${COI_MSG}'); END;
    CREATE TRIGGER appraisals_coi_update BEFORE UPDATE ON appraisals
      WHEN EXISTS (SELECT 1 FROM conflicts_of_interest WHERE unit_id = NEW.unit_id AND member_id = NEW.member_id)
      BEGIN SELECT RAISE(ABORT, '${COI_MSG}'); END;
    CREATE TRIGGER exemptions_coi_insert BEFORE INSERT ON exemptions
      WHEN NEW.status = 'proposed' AND EXISTS (SELECT 1 FROM conflicts_of_interest WHERE unit_id = NEW.unit_id AND member_id = NEW.proposed_by)
      BEGIN SELECT RAISE(ABORT, '${COI_MSG}'); END;
    CREATE TRIGGER exemptions_coi_update BEFORE UPDATE ON exemptions
      WHEN NEW.status = 'proposed' AND EXISTS (SELECT 1 FROM conflicts_of_interest WHERE unit_id = NEW.unit_id AND member_id = NEW.proposed_by)
      BEGIN SELECT RAISE(ABORT, '${COI_MSG}'); END;

    ${lockTriggers('appraisals')}
    ${lockTriggers('appraisal_evidence')}
    ${lockTriggers('final_scores')}
    ${lockTriggers('exemptions')}
    ${lockTriggers('conflicts_of_interest')}
    ${lockTriggers('survey_points')}
  `);
}
