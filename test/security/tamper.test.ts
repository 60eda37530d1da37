/**
 * Issue #9, item 2: direct edits of the database, one row per attack. Each attack runs on its
 * own copy of a real store file (the demo cycle after imports, a council decision and a survey
 * import, every audit row signed by the secretariat's key), written as an attacker with the
 * sqlite3 shell would (triggers dropped where they stand in the way). Then `audit-verify`
 * (and `merge-status`) must exit 1 with the expected code among the problems found; an attack
 * the triggers refuse must leave the file unchanged and verifying.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { GENESIS_HASH, auditRowHash } from '../../electron/core/db/repos/audit.ts';
import { headMessage } from '../../electron/core/db/repos/audit-writer.ts';
import { generateSigner } from '../../electron/core/exchange/keys.ts';
import { SEC_PASSPHRASE, type TamperStore, buildTamperStore, copyOf } from './tamper-store.ts';

type Raw = Database.Database;
interface Attack {
  readonly name: string;
  /** SQL as typed into sqlite3, or an action on the raw file. */
  readonly edit: string | ((db: Raw, s: TamperStore) => void);
  /** The code audit-verify reports; or the code of the trigger that refuses the edit. */
  readonly detected?: string;
  readonly refused?: string;
}

const DROP_AUDIT_TRIGGERS = `
  DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
  DROP TRIGGER audit_log_append_seq; DROP TRIGGER audit_log_append_hash; DROP TRIGGER audit_log_append_prev;`;
const DROP_HEAD_TRIGGERS =
  'DROP TRIGGER audit_heads_no_update; DROP TRIGGER audit_heads_no_delete; DROP TRIGGER audit_heads_names_a_row;';

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  packageHash: string | null;
  keyFingerprint: string | null;
  prevHash: string;
  hash: string;
}
const rows = (db: Raw): Row[] =>
  db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id AS entityId, before, after, reason, package_hash AS packageHash, key_fingerprint AS keyFingerprint,
       prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`,
    )
    .all() as Row[];

/** Recomputes every hash from `fromSeq` on, as an attacker who knows the scheme would. */
function rechain(db: Raw, fromSeq: number): void {
  let prev = GENESIS_HASH;
  const put = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows(db)) {
    if (r.seq >= fromSeq) {
      const { seq, prevHash: _p, hash: _h, ...content } = r;
      const hash = auditRowHash(prev, content);
      put.run(prev, hash, seq);
      prev = hash;
    } else prev = r.hash;
  }
}

function forgeRow(db: Raw, change: Partial<Row>): void {
  const last = rows(db).at(-1)!;
  const r = {
    at: last.at,
    actor: last.actor,
    action: 'conflict.resolve',
    entity: 'final_score',
    entityId: 'x/1.1',
    before: null,
    after: '{"score":"1"}',
    reason: 'giả',
    packageHash: null,
    keyFingerprint: null,
    ...change,
  };
  const hash = auditRowHash(last.hash, r);
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, reason, package_hash, key_fingerprint, prev_hash, hash)
     VALUES (@at, @actor, @action, @entity, @entityId, @before, @after, @reason, @packageHash, @keyFingerprint, @prevHash, @hash)`,
  ).run({ ...r, prevHash: last.hash, hash });
}

const ATTACKS: readonly Attack[] = [
  {
    name: 'a final score set to 100',
    edit: (db, s) =>
      void db
        .prepare("UPDATE final_scores SET score = '100' WHERE unit_id = ? AND node_code = ?")
        .run(s.fromPackage.unitId, s.fromPackage.nodeCode),
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'a council decision changed',
    edit: (db, s) =>
      void db
        .prepare("UPDATE final_scores SET score = '99' WHERE unit_id = ? AND node_code = ?")
        .run(s.decided.unitId, s.decided.nodeCode),
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'a final score deleted',
    edit: (db, s) =>
      void db
        .prepare('DELETE FROM final_scores WHERE unit_id = ? AND node_code = ?')
        .run(s.fromPackage.unitId, s.fromPackage.nodeCode),
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'a final score added',
    edit: (db, s) =>
      void db
        .prepare(
          "INSERT INTO final_scores (unit_id, node_code, score, updated_at) VALUES (?, '1.1', '3', 'x') ON CONFLICT DO UPDATE SET score = '3'",
        )
        .run(s.fromPackage.unitId),
    detected: 'STORE_DIFFERS',
  },
  {
    name: "a member's appraisal changed",
    edit: "UPDATE appraisals SET score = '2' WHERE (unit_id, node_code, member_id) IN (SELECT unit_id, node_code, member_id FROM appraisals WHERE score != '2' LIMIT 1)",
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'an approved exemption added',
    edit: (db, s) =>
      void db
        .prepare(
          "INSERT INTO exemptions (unit_id, node_code, reason, status, created_at) VALUES (?, '1.1', 'Không phát sinh', 'approved', 'x') ON CONFLICT DO UPDATE SET status = 'approved'",
        )
        .run(s.fromPackage.unitId),
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'an approved exemption withdrawn',
    edit: 'DELETE FROM exemptions WHERE (unit_id, node_code) IN (SELECT unit_id, node_code FROM exemptions LIMIT 1)',
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'survey points raised',
    edit: "UPDATE survey_points SET points = '20' WHERE (unit_id, source) IN (SELECT unit_id, source FROM survey_points LIMIT 1)",
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'a self-assessment raised',
    edit: "UPDATE dossier_items SET round2_score = '3' WHERE (unit_id, node_code) IN (SELECT unit_id, node_code FROM dossier_items WHERE round2_score = '0' LIMIT 1)",
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'the totals cache rewritten',
    edit: "UPDATE unit_totals SET self_assessed = '99' WHERE unit_id IN (SELECT unit_id FROM unit_totals LIMIT 1)",
    detected: 'RESULTS_DIFFER',
  },
  {
    name: 'an exchange_packages row deleted',
    edit: 'DELETE FROM exchange_packages WHERE package_hash IN (SELECT package_hash FROM exchange_packages LIMIT 1)',
    detected: 'AUDIT_PACKAGE_MISSING',
  },
  {
    name: "a stored package's payload edited",
    edit: 'UPDATE exchange_packages SET payload = replace(payload, \'"score":"1"\', \'"score":"2"\') WHERE package_hash IN (SELECT package_hash FROM exchange_packages LIMIT 1)',
    detected: 'EXCHANGE_PACKAGE_TAMPERED',
  },
  {
    name: 'an audit row rewritten and the rest re-chained',
    edit: (db) => {
      db.exec(DROP_AUDIT_TRIGGERS);
      const target = rows(db).find((r) => r.action === 'conflict.resolve')!;
      db.prepare('UPDATE audit_log SET after = replace(after, \'"score":"\', \'"score":"9\') WHERE seq = ?').run(
        target.seq,
      );
      rechain(db, target.seq);
    },
    detected: 'AUDIT_HEAD_MISMATCH',
  },
  {
    name: 'an audit row rewritten, not re-chained',
    edit: `${DROP_AUDIT_TRIGGERS} UPDATE audit_log SET reason = 'khác' WHERE seq = 5;`,
    detected: 'AUDIT_CHAIN_BROKEN',
  },
  {
    name: 'the last audit rows deleted',
    edit: `${DROP_AUDIT_TRIGGERS} DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log);`,
    detected: 'AUDIT_TRUNCATED',
  },
  {
    name: 'the last audit rows and their heads deleted',
    edit: `${DROP_AUDIT_TRIGGERS} ${DROP_HEAD_TRIGGERS}
      DELETE FROM audit_heads WHERE seq > (SELECT max(seq) - 3 FROM audit_log);
      DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log);`,
    detected: 'STORE_DIFFERS',
  },
  {
    name: 'a forged audit row appended (hash right, unsigned)',
    edit: (db) => forgeRow(db, {}),
    detected: 'AUDIT_UNSIGNED_TAIL',
  },
  {
    name: "a forged audit row in the secretariat's name",
    edit: (db, s) => forgeRow(db, { keyFingerprint: s.secretariat.fingerprint }),
    detected: 'AUDIT_HEADS_MISSING',
  },
  {
    name: 'every signed head deleted',
    edit: `${DROP_HEAD_TRIGGERS} DELETE FROM audit_heads;`,
    detected: 'AUDIT_HEADS_MISSING',
  },
  {
    name: 'a head signature altered',
    edit: `${DROP_HEAD_TRIGGERS} UPDATE audit_heads SET signature = (SELECT signature FROM audit_heads WHERE seq = (SELECT min(seq) FROM audit_heads)) WHERE seq = (SELECT max(seq) FROM audit_heads);`,
    detected: 'AUDIT_HEAD_BAD_SIGNATURE',
  },
  {
    name: "a rewritten log re-signed with the attacker's own key",
    edit: (db) => {
      db.exec(`${DROP_AUDIT_TRIGGERS} ${DROP_HEAD_TRIGGERS}`);
      const target = rows(db).find((r) => r.action === 'conflict.resolve')!;
      db.prepare("UPDATE audit_log SET reason = 'khác' WHERE seq = ?").run(target.seq);
      rechain(db, target.seq);
      const mallory = generateSigner();
      db.exec('DELETE FROM audit_heads');
      const put = db.prepare(
        'INSERT INTO audit_heads (seq, head_hash, signed_at, key_fingerprint, public_key, signature) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const r of rows(db))
        put.run(
          r.seq,
          r.hash,
          r.at,
          mallory.fingerprint,
          mallory.publicKey,
          mallory.sign(headMessage(r.seq, r.hash)).toString('base64'),
        );
    },
    detected: 'AUDIT_HEAD_FOREIGN_KEY',
  },
  {
    name: 'INSERT OR REPLACE INTO audit_log over an existing row',
    edit: 'INSERT OR REPLACE INTO audit_log (seq, at, actor, action, entity, entity_id, prev_hash, hash) SELECT seq, at, actor, action, entity, entity_id, prev_hash, hash FROM audit_log WHERE seq = 3',
    refused: 'AUDIT_PREV_HASH',
  },
  {
    name: 'INSERT OR REPLACE INTO audit_log, triggers dropped',
    edit: `${DROP_AUDIT_TRIGGERS} INSERT OR REPLACE INTO audit_log (seq, at, actor, action, entity, entity_id, before, after, reason, package_hash, key_fingerprint, prev_hash, hash)
      SELECT seq, at, actor, action, entity, entity_id, before, '{"score":"9"}', reason, package_hash, key_fingerprint, prev_hash, hash FROM audit_log WHERE seq = 3;`,
    detected: 'AUDIT_CHAIN_BROKEN',
  },
  {
    name: 'an audit row with an out-of-order seq',
    edit: "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, prev_hash, hash) VALUES ((SELECT max(seq) + 5 FROM audit_log), 'x', 'x', 'x', 'x', 'x', (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), 'f')",
    refused: 'AUDIT_APPEND_ONLY',
  },
  {
    name: 'an audit row with a wrong prev hash',
    edit: `INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES ('x', 'x', 'x', 'x', 'x', '${'ab'.repeat(32)}', 'f')`,
    refused: 'AUDIT_PREV_HASH',
  },
  {
    name: 'an audit row deleted (trigger in place)',
    edit: 'DELETE FROM audit_log WHERE seq = 2',
    refused: 'AUDIT_APPEND_ONLY',
  },
  {
    name: 'a signed head deleted (trigger in place)',
    edit: 'DELETE FROM audit_heads WHERE seq = (SELECT max(seq) FROM audit_heads)',
    refused: 'AUDIT_APPEND_ONLY',
  },
];

async function cchc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('tampering with the store file is detected', () => {
  let dir: string;
  let store: TamperStore;
  const saved = process.env['CCHC_PASSPHRASE'];
  beforeAll(() => {
    process.env['CCHC_PASSPHRASE'] = SEC_PASSPHRASE;
    dir = mkdtempSync(join(tmpdir(), 'cchc-tamper-'));
    store = buildTamperStore(dir);
  }, 120_000);
  afterAll(() => {
    if (saved === undefined) delete process.env['CCHC_PASSPHRASE'];
    else process.env['CCHC_PASSPHRASE'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async (path: string) => {
    const r = await cchc('audit-verify', '--db', path, '--data-dir', dir);
    return {
      ...r,
      problems: (JSON.parse(r.stdout) as { problems: { code: string; unitId?: string; nodeCode?: string }[] }).problems,
    };
  };

  it('an untouched store verifies: exit 0, no problem, every row covered by a signed head', async () => {
    const v = await verify(store.dbPath);
    expect(v.problems).toEqual([]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).heads).toMatchObject({ unsignedTail: 0 });
    // One signed head per transaction (a merge signs its last row): the last one is the log's last row.
    const raw = new Database(store.dbPath, { readonly: true });
    const last = raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    raw.close();
    expect(JSON.parse(v.stdout).heads).toMatchObject({ lastSignedSeq: last });
    expect(JSON.parse(v.stdout).heads.signed).toBeGreaterThan(5);
    expect((await cchc('merge-status', '--db', store.dbPath, '--data-dir', dir)).code).toBe(0);
  }, 60_000);

  it.each(ATTACKS.map((a, i) => [a.name, a, i] as const))(
    '%s',
    async (_name, attack, i) => {
      const copy = copyOf(store, `attack-${i}`);
      const raw = new Database(copy.path);
      const apply = () => (typeof attack.edit === 'string' ? raw.exec(attack.edit) : attack.edit(raw, store));
      if (attack.refused) {
        const before = raw.prepare('SELECT count(*) AS n, max(hash) AS h FROM audit_log').get();
        expect(apply).toThrow(attack.refused);
        expect(raw.prepare('SELECT count(*) AS n, max(hash) AS h FROM audit_log').get()).toEqual(before);
        raw.close();
        const v = await verify(copy.path);
        expect(v.problems).toEqual([]);
        expect(v.code).toBe(0);
        return;
      }
      apply();
      raw.close();
      const v = await verify(copy.path);
      expect(v.code).toBe(1);
      expect(v.problems.map((p) => p.code)).toContain(attack.detected);
      expect(v.stderr).toMatch(/^[A-Z_]+: /);
      const status = await cchc('merge-status', '--db', copy.path, '--data-dir', dir);
      expect(status.code).toBe(1);
    },
    60_000,
  );

  it('names the unit and sub-criterion of a changed final score', async () => {
    const copy = copyOf(store, 'named');
    const raw = new Database(copy.path);
    raw
      .prepare("UPDATE final_scores SET score = '100' WHERE unit_id = ? AND node_code = ?")
      .run(store.fromPackage.unitId, store.fromPackage.nodeCode);
    raw.close();
    const v = await verify(copy.path);
    expect(v.problems).toContainEqual(
      expect.objectContaining({
        code: 'STORE_DIFFERS',
        unitId: store.fromPackage.unitId,
        nodeCode: store.fromPackage.nodeCode,
      }),
    );
    expect(v.stderr).toContain(`tiêu chí ${store.fromPackage.nodeCode}: điểm thống nhất là “100”`);
  }, 60_000);
});
