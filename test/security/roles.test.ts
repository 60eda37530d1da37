/**
 * Issue #9, item 8: roles are not self-declared. Through the router on a real core (demo
 * cycle, real key files, real SQLite): the secretariat's calls need the secretariat's key
 * unlocked on this installation; a member's registered key binds his roster entry to the
 * installation holding it; the store records which key wrote each audit row and the
 * secretariat's key signs the chain heads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/db/repos/audit.ts';
import { listHeads } from '../../electron/core/db/repos/audit-writer.ts';
import { DEMO_CYCLE_ID } from '../../electron/core/demo/init.ts';
import { generateSigner } from '../../electron/core/exchange/keys.ts';
import { registerMemberKey } from '../../electron/core/council/roster-keys.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import type { CoreContext } from '../../electron/core/open.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { testCore } from '../core/core-context.ts';

const SEC = `${DEMO_CYCLE_ID}-thuong-truc`;
const LINH = `${DEMO_CYCLE_ID}-tv04`;
const UNIT = `${DEMO_CYCLE_ID}-huyen-my-tu`;
const PASS = 'mật khẩu thường trực';

function session(core: CoreContext) {
  const settings = memorySettings();
  const r = createRouter(handlers, {
    context: { core, settings, app: { version: 't', transport: 'http' } },
    validateOutput: true,
  });
  return async (
    method: string,
    input?: unknown,
  ): Promise<{ ok: true; value: any } | { ok: false; error: { code: string; message: string } }> =>
    (await r.call(method, input)) as never;
}

const who = { name: 'Nguyễn Thị Kim Phượng', position: 'Trưởng phòng', agency: 'Sở Nội vụ' };
let cores: CoreContext[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});
const newCore = () => {
  const c = testCore(true);
  cores.push(c);
  return c;
};

describe('roles need keys', () => {
  it('claiming the secretariat unlocks nothing until its key is made and unlocked here; locking it closes the calls again', async () => {
    const core = newCore();
    const call = session(core);
    expect((await call('session.setIdentity', { ...who, role: 'secretariat', memberId: SEC })).ok).toBe(true);
    const refused = await call('secretariat.roster');
    expect(refused).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_KEY_REQUIRED' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/chưa có khóa định danh/);
    expect(await call('results.report')).toMatchObject({ ok: true, value: { access: { canEdit: false } } });
    expect(await call('meeting.save', { location: 'Hội trường' })).toMatchObject({
      ok: false,
      error: { code: 'SECRETARIAT_KEY_REQUIRED' },
    });

    expect(await call('identity.create', { passphrase: PASS })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(await call('secretariat.roster')).toMatchObject({ ok: true });
    expect(await call('results.report')).toMatchObject({ ok: true, value: { access: { canEdit: true } } });

    await call('identity.lock');
    expect(await call('secretariat.verify')).toMatchObject({
      ok: false,
      error: { code: 'SECRETARIAT_KEY_REQUIRED', details: { reason: 'locked' } },
    });
    await call('identity.unlock', { passphrase: PASS });
    expect(await call('secretariat.verify')).toMatchObject({ ok: true, value: { ok: true } });
  });

  it("a member's installation holding its own key cannot act as the secretariat whose key signed its cycle", async () => {
    const core = newCore();
    // The store received the cycle from the secretariat's key (as importCycle records it).
    const secretariat = generateSigner();
    core.db
      .prepare(
        "INSERT INTO cycle_packages (package_hash, cycle_id, direction, revision, signer_fingerprint, issued_at, recorded_at) VALUES (?, ?, 'received', 1, ?, 'x', 'x')",
      )
      .run('a'.repeat(64), DEMO_CYCLE_ID, secretariat.fingerprint);
    const call = session(core);
    await call('session.setIdentity', { ...who, role: 'secretariat' });
    await call('identity.create', { passphrase: 'mật khẩu của thành viên' });
    const r = await call('secretariat.roster');
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'SECRETARIAT_KEY_REQUIRED', details: { reason: 'other-key' } },
    });
    expect(await call('meeting.save', { location: 'Hội trường' })).toMatchObject({
      ok: false,
      error: { code: 'SECRETARIAT_KEY_REQUIRED' },
    });
  });

  it('a member whose key is registered is claimed only where that key is held; a hand-edited link writes nothing', async () => {
    const core = newCore();
    const other = generateSigner();
    registerMemberKey(core.db, DEMO_CYCLE_ID, LINH, other.publicKey, SEC, 'Đối chiếu');
    const call = session(core);
    await call('session.setIdentity', { ...who, role: 'member' });
    await call('identity.create', { passphrase: 'mật khẩu của máy này' });
    expect(await call('session.setIdentity', { ...who, role: 'member', memberId: LINH })).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_KEY_MISMATCH' },
    });
    // The settings file edited by hand to claim her anyway: the link does not hold, nothing is written.
    const settings = memorySettings({ identity: { ...who, role: 'member', memberId: LINH } });
    const r = createRouter(handlers, { context: { core, settings, app: { version: 't', transport: 'http' } } });
    const rows = listAudit(core.db).length;
    expect(await r.call('session.get', undefined)).toMatchObject({ ok: true, value: { member: null } });
    expect(
      await r.call('appraisal.set', { unitId: UNIT, nodeCode: '2.1.2', input: { met: true }, comment: 'giả danh' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
    expect(listAudit(core.db)).toHaveLength(rows);
  });

  it('records the key of every audit row written, and the secretariat key signs each head', async () => {
    const core = newCore();
    const call = session(core);
    await call('session.setIdentity', { ...who, role: 'secretariat', memberId: SEC });
    const key = await call('identity.create', { passphrase: PASS });
    const fp = (key as { value: { key: { fingerprint: string } } }).value.key.fingerprint;
    expect(await call('meeting.save', { location: 'Hội trường UBND tỉnh' })).toMatchObject({ ok: true });
    const last = listAudit(core.db).at(-1)!;
    expect(last).toMatchObject({ keyFingerprint: fp });
    expect(listHeads(core.db).at(-1)).toMatchObject({ seq: last.seq, headHash: last.hash, keyFingerprint: fp });
    expect(await call('secretariat.verify')).toMatchObject({
      ok: true,
      value: { ok: true, heads: { unsignedTail: 0 } },
    });
  });
});
