/**
 * The store the tamper table attacks: the demo cycle at the secretariat with the signed
 * packages of every field member and a second appraiser of field 1 imported, a
 * disagreement resolved by the council, a survey file imported, the results computed once
 * (the per-unit cache filled); every audit row written while the secretariat's key was
 * unlocked, so every row is a signed head. Built once; each attack works on a copy.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { clearAuditWriter, setAuditWriter } from '../../electron/core/db/repos/audit-writer.ts';
import { listConflicts, resolveConflict } from '../../electron/core/council/conflicts.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';
import { type Signer, passphraseBox } from '../../electron/core/exchange/keys.ts';
import { createIdentity, unlockIdentity } from '../../electron/core/exchange/keystore.ts';
import { registerMemberKey } from '../../electron/core/council/roster-keys.ts';
import { cycleResults } from '../../electron/core/results/cycle-results.ts';
import { DEMO_SECRETARIAT_ID } from '../../electron/core/demo/init.ts';
import { syntheticExchange } from '../exchange/synthetic.ts';

const FAST = { logN: 10, r: 8, p: 1 };
export const SEC_PASSPHRASE = 'mật khẩu thường trực';

export interface TamperStore {
  readonly dir: string;
  readonly dbPath: string;
  readonly cycleId: string;
  readonly secretariat: Signer;
  /** A unit and sub-criterion whose final score came from a member's package, and one the council decided. */
  readonly fromPackage: { unitId: string; nodeCode: string; score: string };
  readonly decided: { unitId: string; nodeCode: string };
}

export function buildTamperStore(dir: string): TamperStore {
  const x = syntheticExchange(dir, { extraMembers: 1, disagreeEvery: 3 });
  const db = x.db;
  createIdentity(dir, passphraseBox(SEC_PASSPHRASE, FAST));
  const secretariat = unlockIdentity(dir, passphraseBox(SEC_PASSPHRASE, FAST));
  setAuditWriter(db, { fingerprint: secretariat.fingerprint, signer: secretariat });
  for (const m of x.members)
    registerMemberKey(
      db,
      x.cycleId,
      m.id,
      m.signer.publicKey,
      DEMO_SECRETARIAT_ID,
      'Đối chiếu dấu vân tay tại phiên họp',
    );
  const files = x.packages.map((p) => {
    const f = join(dir, p.fileName);
    writeFileSync(f, p.text);
    return f;
  });
  const r = importFiles(db, dir, files, { actor: DEMO_SECRETARIAT_ID, backup: false });
  const refused = r.outcomes.filter((o) => o.status !== 'imported');
  if (refused.length > 0) throw new Error(`set-up import refused: ${refused.map((o) => o.message).join('; ')}`);
  const open = listConflicts(db, dir, x.cycleId, { status: 'open' });
  const c = open[0];
  if (!c) throw new Error('set-up: no disagreement to resolve');
  resolveConflict(db, dir, x.cycleId, {
    unitId: c.unitId,
    nodeCode: c.nodeCode,
    choice: { memberId: c.sides[0]!.memberId },
    reason: 'Hội đồng thống nhất theo ý kiến thứ nhất',
    actor: DEMO_SECRETARIAT_ID,
  });
  cycleResults(db, x.cycleId);
  const f = db
    .prepare(
      'SELECT unit_id AS unitId, node_code AS nodeCode, score FROM final_scores WHERE decided_by IS NULL AND package_hash IS NOT NULL ORDER BY unit_id, node_code LIMIT 1',
    )
    .get() as { unitId: string; nodeCode: string; score: string };
  clearAuditWriter(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    dir,
    dbPath: x.dbPath,
    cycleId: x.cycleId,
    secretariat,
    fromPackage: f,
    decided: { unitId: c.unitId, nodeCode: c.nodeCode },
  };
}

/** A copy of the store file beside it, opened as the attacker's sqlite3 would (no app code). */
export function copyOf(s: TamperStore, name: string): { path: string; open: () => Db } {
  const path = join(s.dir, `${name}.sqlite`);
  if (existsSync(path)) throw new Error(`copy ${name} exists`);
  copyFileSync(s.dbPath, path);
  return { path, open: () => openDatabase(path) };
}
