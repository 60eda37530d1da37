/**
 * Packages on record: appraisal packages received (exchange_packages) and sent
 * (exchange_outbox), cycle packages issued and received (cycle_packages).
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

// ------------------------------------------------------------------ appraisal packages received

export interface LastPackage {
  readonly packageHash: string;
  readonly sequence: number;
  readonly payload: string;
}

/** The member's newest package on record (the chain's head), with its payload. */
export function lastPackageOf(db: Db, memberId: string): LastPackage | undefined {
  return stmt(
    db,
    'SELECT package_hash AS packageHash, sequence, payload FROM exchange_packages WHERE member_id = ? ORDER BY sequence DESC LIMIT 1',
  ).get(memberId) as LastPackage | undefined;
}

export interface LastPackageSummary {
  readonly sequence: number;
  readonly packageHash: string;
  readonly importedAt: string;
  readonly items: number;
}

/** The member's newest package on record, without its payload (the roster screen). */
export function lastPackageSummary(db: Db, memberId: string): LastPackageSummary | undefined {
  return stmt(
    db,
    'SELECT sequence, package_hash AS packageHash, imported_at AS importedAt, items FROM exchange_packages WHERE member_id = ? ORDER BY sequence DESC LIMIT 1',
  ).get(memberId) as LastPackageSummary | undefined;
}

/** The member whose package has this hash, when it is on record. */
export function packageMember(db: Db, packageHash: string): string | undefined {
  return stmt(db, 'SELECT member_id FROM exchange_packages WHERE package_hash = ?').pluck().get(packageHash) as
    | string
    | undefined;
}

export interface PackageRecord {
  readonly packageHash: string;
  readonly cycleId: string;
  readonly memberId: string;
  readonly keyFingerprint: string;
  readonly sequence: number;
  readonly previousHash: string | null;
  readonly createdAt: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly fileName: string;
  readonly items: number;
  readonly payload: string;
  readonly publicKey: string;
  readonly signature: string;
}

export function insertPackage(db: Db, record: PackageRecord): void {
  stmt(
    db,
    `INSERT INTO exchange_packages (package_hash, cycle_id, member_id, key_fingerprint, sequence, previous_hash, created_at, imported_at, imported_by,
       file_name, items, payload, public_key, signature)
     VALUES (@packageHash, @cycleId, @memberId, @keyFingerprint, @sequence, @previousHash, @createdAt, @importedAt, @importedBy, @fileName, @items,
       @payload, @publicKey, @signature)`,
  ).run(record);
}

/** The cycle's packages in the results snapshot: hash, member, sequence. */
export function cyclePackageList(
  db: Db,
  cycleId: string,
): { packageHash: string; memberId: string; sequence: number }[] {
  return stmt(
    db,
    'SELECT package_hash AS packageHash, member_id AS memberId, sequence FROM exchange_packages WHERE cycle_id = ? ORDER BY member_id, sequence',
  ).all(cycleId) as { packageHash: string; memberId: string; sequence: number }[];
}

export interface StoredPackage {
  readonly h: string;
  readonly fp: string;
  readonly payload: string;
  readonly pk: string;
  readonly sig: string;
}

/** Every stored package with its signature, in the order received (the store check). */
export function storedPackages(db: Db): Iterable<StoredPackage> {
  return db
    .prepare(
      'SELECT package_hash AS h, key_fingerprint AS fp, payload, public_key AS pk, signature AS sig FROM exchange_packages ORDER BY rowid',
    )
    .iterate() as Iterable<StoredPackage>;
}

// ------------------------------------------------------------------ appraisal packages sent

export interface OutboxEntry {
  readonly sequence: number;
  readonly packageHash: string;
  readonly createdAt: string;
  readonly items: number;
}

/** The member's newest package sent in the cycle. */
export function lastSent(
  db: Db,
  memberId: string,
  cycleId: string,
): { sequence: number; packageHash: string } | undefined {
  return stmt(
    db,
    'SELECT sequence, package_hash AS packageHash FROM exchange_outbox WHERE member_id = ? AND cycle_id = ? ORDER BY sequence DESC LIMIT 1',
  ).get(memberId, cycleId) as { sequence: number; packageHash: string } | undefined;
}

/** The member's last five packages sent in the cycle, newest first. */
export function recentSent(db: Db, memberId: string, cycleId: string): OutboxEntry[] {
  return stmt(
    db,
    'SELECT sequence, package_hash AS packageHash, created_at AS createdAt, items FROM exchange_outbox WHERE member_id = ? AND cycle_id = ? ORDER BY sequence DESC LIMIT 5',
  ).all(memberId, cycleId) as OutboxEntry[];
}

export function insertSent(
  db: Db,
  p: {
    packageHash: string;
    cycleId: string;
    memberId: string;
    sequence: number;
    previousHash: string | null;
    createdAt: string;
    items: number;
  },
): void {
  stmt(
    db,
    'INSERT INTO exchange_outbox (package_hash, cycle_id, member_id, sequence, previous_hash, created_at, items) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(p.packageHash, p.cycleId, p.memberId, p.sequence, p.previousHash, p.createdAt, p.items);
}

// ------------------------------------------------------------------ cycle packages

export interface ReceivedCycle {
  readonly revision: number;
  readonly packageHash: string;
  /** The secretariat key's fingerprint. */
  readonly signer: string;
  readonly issuedAt: string;
  readonly recordedAt: string;
}

/** The newest revision of the cycle received from the secretariat. */
export function lastReceivedCycle(db: Db, cycleId: string): ReceivedCycle | undefined {
  return stmt(
    db,
    "SELECT revision, package_hash AS packageHash, signer_fingerprint AS signer, issued_at AS issuedAt, recorded_at AS recordedAt FROM cycle_packages WHERE cycle_id = ? AND direction = 'received' ORDER BY revision DESC LIMIT 1",
  ).get(cycleId) as ReceivedCycle | undefined;
}

export function cyclePackageReceived(db: Db, packageHash: string): boolean {
  return (
    stmt(db, "SELECT 1 FROM cycle_packages WHERE package_hash = ? AND direction = 'received'").get(packageHash) !==
    undefined
  );
}

/** The last revision issued of the cycle, null before the first. */
export function lastIssuedRevision(db: Db, cycleId: string): number | null {
  return stmt(db, "SELECT max(revision) FROM cycle_packages WHERE cycle_id = ? AND direction = 'issued'")
    .pluck()
    .get(cycleId) as number | null;
}

export function listIssued(db: Db, cycleId: string): { revision: number; issuedAt: string; packageHash: string }[] {
  return stmt(
    db,
    "SELECT revision, issued_at AS issuedAt, package_hash AS packageHash FROM cycle_packages WHERE cycle_id = ? AND direction = 'issued' ORDER BY revision DESC",
  ).all(cycleId) as { revision: number; issuedAt: string; packageHash: string }[];
}

export function insertCyclePackage(
  db: Db,
  p: {
    packageHash: string;
    cycleId: string;
    direction: 'issued' | 'received';
    revision: number;
    signerFingerprint: string;
    issuedAt: string;
    recordedAt: string;
  },
): void {
  stmt(
    db,
    'INSERT INTO cycle_packages (package_hash, cycle_id, direction, revision, signer_fingerprint, issued_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(p.packageHash, p.cycleId, p.direction, p.revision, p.signerFingerprint, p.issuedAt, p.recordedAt);
}

/** Has any cycle package (issued or received) been recorded for the cycle? */
export function hasCyclePackages(db: Db, cycleId: string): boolean {
  return stmt(db, 'SELECT 1 FROM cycle_packages WHERE cycle_id = ? LIMIT 1').get(cycleId) !== undefined;
}
