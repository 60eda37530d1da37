/**
 * Importing several appraisal packages at once: the files the secretariat uploads together,
 * or names to the CLI's `import`.
 *
 * Each file is read, verified, checked and planned on its own, exactly as one file would be.
 * Only the commit is shared: the writes of consecutive packages go into one transaction,
 * committed when it holds BATCH_ITEMS items and at the end, with a larger page cache while
 * the import runs (db/connection.ts, batchTransactions). A member's package touches rows
 * spread over the whole appraisals and final-score tables, so committing each package on its
 * own rewrote most of their pages every time (about 26,000 WAL frames for 30 packages over
 * 150 units) and checkpointed the log after nearly every package. Sharing a transaction pays
 * only while those pages stay in the cache: with the default cache, 1,000 units' packages
 * were slower in batches than one by one.
 *
 * The merges of an open batch also share what they read of the store (merge-rows.ts): each
 * sub-criterion is read once, then follows the batch's own writes.
 *
 * What a file's outcome means does not change:
 * - a refused file writes nothing: every refusal is thrown by the checks, before any write;
 * - the database file is backed up once, before the first package that writes. Until then
 *   files go one per transaction, as before (VACUUM INTO cannot run inside a transaction);
 * - any failure while a batch is open (a write refused by a trigger, a full disk, an error
 *   that is not a refusal) rolls the open batch back, and its files are imported again one
 *   per transaction. The outcomes, and an error that escapes, are then what they always were;
 * - a kill mid-way leaves each package wholly present or wholly absent (the open batch is lost,
 *   never part of a package). The batch is bounded so that a large cycle's packages still
 *   commit one by one: at 10,000 units one member's package holds about 110,000 items.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type Db, batchTransactions } from '../db/connection.ts';
import { type VerifiedPackage, readAppraisalPackage } from './appraisal-file.ts';
import {
  type ImportOptions,
  type ImportOutcome,
  commitWithBackup,
  refusedOutcome,
  stagePackage,
  writeStaged,
} from './import.ts';
import { MergeRows } from './merge-rows.ts';
import { appraisalCapFor } from './package-cap.ts';
import { displayName } from './refusal.ts';

/** A file to import; `expectedHash` is its preview's package hash (UI flow), if it was previewed. */
export interface ImportEntry {
  readonly path: string;
  readonly expectedHash?: string;
}

export interface BatchResult {
  readonly outcomes: ImportOutcome[];
  /** The backup taken before the first write, or null when nothing was written (or backup: false). */
  readonly backup: string | null;
}

/** Items written in one transaction before it is committed. */
export const BATCH_ITEMS = 100_000;

/**
 * Imports the files in order and returns one outcome per file. Never throws for a refused
 * file; an error that is not a refusal escapes, after the files before it were committed.
 * `batchItems` bounds a transaction (tests set it low).
 */
export function importBatch(
  db: Db,
  dataDir: string,
  entries: readonly ImportEntry[],
  options: ImportOptions,
  batchItems = BATCH_ITEMS,
): BatchResult {
  const cap = appraisalCapFor(db);
  const outcomes: ImportOutcome[] = [];
  let backup: string | null = null;
  const needsBackup = () => options.backup !== false && backup === null;
  const optionsOf = (e: ImportEntry): ImportOptions => ({ ...options, expectedHash: e.expectedHash });

  /** One file in its own transaction, preceded by the backup if it is the first that writes. */
  const single = (entry: ImportEntry, read?: VerifiedPackage): ImportOutcome => {
    let v: VerifiedPackage;
    try {
      v = read ?? readAppraisalPackage(entry.path, cap);
    } catch (e) {
      return refusedOutcome(displayName(entry.path), e);
    }
    try {
      const r = commitWithBackup(db, dataDir, v, { ...optionsOf(entry), backup: needsBackup() });
      backup ??= r.backup;
      return r.outcome;
    } catch (e) {
      return refusedOutcome(v.file, e);
    }
  };

  const t = batchTransactions(db);
  let first = -1; // the open batch's first entry, or -1
  let firstOutcome = 0;
  let items = 0;
  let rows: MergeRows | null = null; // what the open batch's merges read and wrote
  const commit = () => {
    if (first < 0) return;
    t.commit();
    first = -1;
    items = 0;
    rows = null;
  };
  try {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      let v: VerifiedPackage;
      try {
        v = readAppraisalPackage(entry.path, cap);
      } catch (e) {
        outcomes.push(refusedOutcome(displayName(entry.path), e));
        continue;
      }
      if (first < 0 && needsBackup()) {
        outcomes.push(single(entry, v));
        continue;
      }
      if (first < 0) {
        t.begin();
        first = i;
        firstOutcome = outcomes.length;
        rows = new MergeRows(db);
      }
      let staged: ReturnType<typeof stagePackage>;
      try {
        staged = stagePackage(db, v, optionsOf(entry), rows!);
      } catch (e) {
        // A refusal: the checks wrote nothing, the batch goes on.
        if (!(e instanceof CodedFailure)) throw e;
        outcomes.push(refusedOutcome(v.file, e));
        continue;
      }
      outcomes.push(writeStaged(staged, options.actor));
      items += v.payload.appraisals.length;
      if (items >= batchItems) commit();
    }
    commit();
  } catch (e) {
    if (first < 0) throw e;
    // Roll the open batch back and import its files again, one per transaction.
    t.rollback();
    outcomes.length = firstOutcome;
    for (let j = first; j < entries.length; j++) outcomes.push(single(entries[j]!));
  } finally {
    t.end();
  }
  return { outcomes, backup };
}

/** Imports files by path (the CLI, tests): see importBatch. */
export function importFiles(db: Db, dataDir: string, paths: readonly string[], options: ImportOptions): BatchResult {
  return importBatch(
    db,
    dataDir,
    paths.map((path) => ({ path })),
    options,
  );
}
