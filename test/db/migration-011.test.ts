import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations/index.ts';
import { GENESIS_HASH, appendAudit, auditRowHash, verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { clearAuditWriter, listHeads, setAuditWriter } from '../../electron/core/db/repos/audit-writer.ts';
import { generateSigner } from '../../electron/core/exchange/keys.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig11-')), 'db.sqlite');

describe('migration 011 (signed audit heads, append-only at the end of the chain)', () => {
  it('is registered as version 11', () => {
    expect(MIGRATIONS.find((m) => m.version === 11)?.name).toBe('audit-heads');
  });

  it('keeps the rows of an older log verifying, then records the key and signs heads', () => {
    const db = new Database(fresh());
    migrate(db, 5);
    // A row as the app wrote it before 011 (no key column).
    const old = {
      at: '2024-01-01T00:00:00Z',
      actor: 'a',
      action: 'x.old',
      entity: 'e',
      entityId: '1',
      before: null,
      after: null,
      reason: null,
      packageHash: null,
      keyFingerprint: null,
    };
    db.prepare(
      'INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES (@at, @actor, @action, @entity, @entityId, @prev, @hash)',
    ).run({
      ...old,
      prev: GENESIS_HASH,
      hash: auditRowHash(GENESIS_HASH, old),
    });
    expect(migrate(db)).toContain(11);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1 });
    const key = generateSigner();
    setAuditWriter(db, { fingerprint: key.fingerprint, signer: key });
    const r = appendAudit(db, { actor: 'a', action: 'x.new', entity: 'e', entityId: '2' });
    clearAuditWriter(db);
    expect(r.keyFingerprint).toBe(key.fingerprint);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2, head: r.hash });
    expect(listHeads(db)).toEqual([
      expect.objectContaining({ seq: r.seq, headHash: r.hash, keyFingerprint: key.fingerprint }),
    ]);
    db.close();
  });

  it('refuses INSERT OR REPLACE, an out-of-order seq, a wrong prev hash, a reused hash and heads naming no row', () => {
    const db = new Database(fresh());
    migrate(db);
    const a = appendAudit(db, { actor: 'a', action: 'x', entity: 'e', entityId: '1' });
    const ins = (seq: number | null, prev: string, hash: string, mode = 'INSERT') =>
      db
        .prepare(
          `${mode} INTO audit_log (seq, at, actor, action, entity, entity_id, prev_hash, hash) VALUES (?, 'x', 'x', 'x', 'x', 'x', ?, ?)`,
        )
        .run(seq, prev, hash);
    expect(() => ins(a.seq, a.prevHash, 'f'.repeat(64), 'INSERT OR REPLACE')).toThrow(/AUDIT_/);
    expect(() => ins(a.seq + 2, a.hash, 'f'.repeat(64))).toThrow('AUDIT_APPEND_ONLY');
    expect(() => ins(null, GENESIS_HASH, 'f'.repeat(64))).toThrow('AUDIT_PREV_HASH');
    expect(() => ins(null, a.hash, a.hash, 'INSERT OR REPLACE')).toThrow('AUDIT_APPEND_ONLY');
    expect(() =>
      db.prepare("INSERT INTO audit_heads VALUES (?, ?, 'x', ?, 'k', 's')").run(a.seq, 'e'.repeat(64), 'c'.repeat(64)),
    ).toThrow('AUDIT_APPEND_ONLY');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1 });
    db.close();
  });
});
