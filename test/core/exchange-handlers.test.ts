/**
 * identity.*, exchange.* and secretariat.* through the router (inputs and outputs checked
 * against the contract), over two data folders: the secretariat's (demo cycle) and a
 * member's (empty until the cycle package arrives). Files move only by ticket.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/core/context.ts';
import { ticketFile } from '../../electron/core/files/store.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { type CoreContext, openCore } from '../../electron/core/open.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { tempDirs } from '../db/support.ts';
import { copyDemoStore } from '../demo-seed.ts';

const SEC = 'soc-trang-2023-thuong-truc';
const LINH = 'soc-trang-2023-tv04';
const MY_TU = 'soc-trang-2023-huyen-my-tu';

type Call = (method: string, input?: unknown) => Promise<any>;

function client(
  core: CoreContext,
  identity: unknown,
  extra: Partial<HandlerContext> = {},
): { call: Call; settings: ReturnType<typeof memorySettings> } {
  const settings = memorySettings({ identity });
  const router = createRouter(handlers, {
    context: { core, settings, app: { version: 't', transport: 'http' }, downloadUrl: () => '/download/x', ...extra },
  });
  return {
    settings,
    call: async (method, input) => {
      const r = await router.call(method, input);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), r.error);
      return r.value;
    },
  };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

/** What the user would download, uploaded on the other machine. */
async function carry(from: CoreContext, ticket: string, to: Call): Promise<string> {
  const f = ticketFile(from.dataDir, 'outbox', ticket);
  const up = await to('files.upload', { name: f.name, dataBase64: readFileSync(f.path).toString('base64') });
  return up.ticket as string;
}

describe('identity, exchange and secretariat handlers', () => {
  const newDir = tempDirs('cchc-exchange-handlers-');
  let sec: CoreContext;
  let mem: CoreContext;
  beforeAll(async () => {
    const secDir = newDir();
    copyDemoStore(secDir);
    sec = await openCore(secDir);
    mem = await openCore(newDir(), { demo: false });
  });
  afterAll(() => {
    sec.close();
    mem.close();
  });

  it('keys, roster, cycle package, member package, import, conflict, exemption, completeness, audit', async () => {
    const S = client(sec, {
      name: 'Nguyễn Văn Thường',
      position: 'Chuyên viên',
      agency: 'Sở Nội vụ',
      role: 'secretariat',
      memberId: SEC,
    });
    const M = client(mem, {
      name: 'Trần Thị Mỹ Linh',
      position: 'Phó Giám đốc',
      agency: 'Sở Tư pháp',
      role: 'member',
      memberId: null,
    });

    // Keys: none yet; a passphrase is required in the harness; the private key never comes back.
    expect(await M.call('identity.status')).toMatchObject({ state: 'missing', usesPassphrase: true, key: null });
    expect(await failure(M.call('identity.create', {}))).toMatchObject({ code: 'IDENTITY_PASSPHRASE_REQUIRED' });
    expect(await failure(M.call('identity.create', { passphrase: 'ngắn' }))).toMatchObject({
      code: 'EXCHANGE_PASSPHRASE_WEAK',
    });
    const mk = await M.call('identity.create', { passphrase: 'mật khẩu của Linh' });
    expect(mk).toMatchObject({ state: 'unlocked', registeredAs: null });
    expect(mk.key.display).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(JSON.stringify(mk)).not.toMatch(/PRIVATE|encryptedPrivateKey|pkcs8/i);
    expect(await M.call('identity.lock')).toMatchObject({ state: 'locked' });
    expect(await failure(M.call('identity.unlock', { passphrase: 'sai mật khẩu rồi' }))).toMatchObject({
      code: 'EXCHANGE_IDENTITY_LOCKED',
    });
    expect(await M.call('identity.unlock', { passphrase: 'mật khẩu của Linh' })).toMatchObject({ state: 'unlocked' });
    await S.call('identity.create', { passphrase: 'mật khẩu thường trực' });

    // A member cannot use the secretariat's calls.
    expect(await failure(M.call('secretariat.roster'))).toMatchObject({ code: 'NO_CYCLE' });

    // The secretariat registers the member's key from the file she hands in, and assigns a second member to field 2.
    const pub = await M.call('identity.exportPublicKey');
    expect(pub.fileName).toBe('Khóa công khai - Trần Thị Mỹ Linh.pub.json');
    const keyTicket = await carry(mem, pub.ticket, S.call);
    const inspected = await S.call('secretariat.inspectKey', { ticket: keyTicket });
    expect(inspected).toMatchObject({ display: mk.key.display, registeredTo: null });
    const row = await S.call('secretariat.registerKey', {
      memberId: LINH,
      ticket: keyTicket,
      reason: 'Đối chiếu dấu vân tay qua điện thoại',
    });
    expect(row).toMatchObject({ id: LINH, display: mk.key.display, fields: ['2'] });
    expect(
      await failure(S.call('secretariat.setFields', { memberId: 'soc-trang-2023-tv01', fields: ['2'], reason: ' ' })),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await failure(S.call('secretariat.setFields', { memberId: 'soc-trang-2023-tv01', fields: ['9'], reason: 'x' })),
    ).toMatchObject({ code: 'FIELD_NOT_FOUND' });
    expect(
      await S.call('secretariat.setFields', {
        memberId: 'soc-trang-2023-tv01',
        fields: ['2'],
        reason: 'Quyết định bổ sung thành viên lĩnh vực 2',
      }),
    ).toMatchObject({ fields: ['2'] });
    const roster = await S.call('secretariat.roster');
    expect(roster.fields.map((f: { code: string }) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(roster.members.find((m: { id: string }) => m.id === LINH).display).toBe(mk.key.display);

    // The cycle package, previewed then imported on the member's machine; her installation is linked by its key.
    const cycle = await S.call('secretariat.exportCycle');
    expect(cycle).toMatchObject({ revision: 1, units: 40 });
    expect(cycle.file.fileName).toBe('soc-trang-2023_r01.cchc-cycle.tar');
    expect(cycle.membersWithoutKey).toContain('Nguyễn Hoàng Minh');
    const cycleTicket = await carry(sec, cycle.file.ticket, M.call);
    const sk = await S.call('identity.status');
    const preview = await M.call('exchange.previewCycle', { ticket: cycleTicket });
    expect(preview).toMatchObject({
      state: 'new',
      revision: 1,
      units: 40,
      signer: { display: sk.key.display },
      me: { id: LINH, fields: ['2'] },
    });
    expect(
      await failure(
        M.call('exchange.importCycle', { ticket: cycleTicket, fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111' }),
      ),
    ).toMatchObject({ code: 'EXCHANGE_SIGNER_MISMATCH' });
    const imported = await M.call('exchange.importCycle', { ticket: cycleTicket, fingerprint: preview.signer.display });
    expect(imported).toMatchObject({ status: 'imported', linkedTo: { id: LINH } });
    expect(M.settings.get('identity')).toMatchObject({ memberId: LINH });
    const st = await M.call('exchange.status');
    expect(st).toMatchObject({
      rosterKey: 'ok',
      me: { id: LINH, fields: [{ code: '2', title: 'Cải cách thể chế' }] },
      received: { revision: 1, signer: { display: sk.key.display } },
    });
    expect(await failure(M.call('secretariat.roster'))).toMatchObject({ code: 'SECRETARIAT_ONLY' });

    // Conflict of interest: declared, makes the unit read-only, withdrawn.
    await M.call('exchange.declareConflict', {
      unitId: 'soc-trang-2023-so-tu-phap',
      reason: 'Tôi là Phó Giám đốc Sở Tư pháp',
    });
    expect(
      (await M.call('dossier.get', { unitId: 'soc-trang-2023-so-tu-phap' })).nodes.every(
        (n: { readOnly: boolean }) => n.readOnly,
      ),
    ).toBe(true);
    expect((await M.call('exchange.status')).conflictsOfInterest).toHaveLength(1);
    expect(
      await failure(M.call('exchange.withdrawConflict', { unitId: 'soc-trang-2023-so-tu-phap', reason: '  ' })),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    await M.call('exchange.withdrawConflict', { unitId: 'soc-trang-2023-so-tu-phap', reason: 'Khai báo nhầm đơn vị' });
    expect(
      (await M.call('dossier.get', { unitId: 'soc-trang-2023-so-tu-phap' })).nodes.some(
        (n: { readOnly: boolean }) => !n.readOnly,
      ),
    ).toBe(true);
    await M.call('exchange.declareConflict', {
      unitId: 'soc-trang-2023-so-tu-phap',
      reason: 'Tôi là Phó Giám đốc Sở Tư pháp',
    });

    // She appraises, proposes an exemption, exports her signed package.
    await M.call('appraisal.set', {
      unitId: MY_TU,
      nodeCode: '2.1.2',
      input: { met: false },
      comment: 'Không lấy ý kiến dự thảo',
    });
    await M.call('exemption.set', {
      unitId: MY_TU,
      nodeCode: '2.3.2',
      reason: 'Năm 2023 không có kết quả phải xử lý',
      legalBasis: 'Công văn 15/STP-VP',
    });
    const mine = await M.call('exchange.exportMine');
    expect(mine).toMatchObject({ sequence: 1, items: 2, conflictsOfInterest: 1 });
    expect(mine.file.fileName).toBe('soc-trang-2023_soc-trang-2023-tv04_001.cchc-appraisal.json');

    // The secretariat previews and commits it; a second upload of the same file is a duplicate.
    const t1 = await carry(mem, mine.file.ticket, S.call);
    const bogus = (
      await S.call('files.upload', { name: 'hỏng.json', dataBase64: Buffer.from('{"x":').toString('base64') })
    ).ticket;
    const pv = await S.call('secretariat.previewImport', { tickets: [t1, bogus] });
    expect(pv.files[0]).toMatchObject({
      ok: true,
      file: mine.file.fileName,
      preview: {
        state: 'new',
        sequence: 1,
        member: { id: LINH },
        counts: { added: 2, exemptionsProposed: 1, declarationsAdded: 1 },
      },
    });
    expect(pv.files[1]).toMatchObject({ ok: false, file: 'hỏng.json', error: { code: 'EXCHANGE_TRUNCATED' } });
    expect(pv.files[1].error.message).toMatch(/^Tệp “hỏng\.json” bị từ chối: /);
    const committed = await S.call('secretariat.commitImport', {
      items: [{ ticket: t1, expectedHash: pv.files[0].preview.packageHash }],
    });
    expect(committed.outcomes[0]).toMatchObject({
      status: 'imported',
      memberName: 'Trần Thị Mỹ Linh',
      counts: { added: 2 },
    });
    const again = await carry(mem, mine.file.ticket, S.call);
    const dup = await S.call('secretariat.commitImport', {
      items: [{ ticket: again, expectedHash: pv.files[0].preview.packageHash }],
    });
    expect(dup.outcomes[0]).toMatchObject({ status: 'duplicate', code: 'EXCHANGE_DUPLICATE' });

    // Exemption decided; completeness says what blocks; the audit log and its chain.
    expect(await S.call('secretariat.exemptions', { status: 'proposed' })).toEqual([
      expect.objectContaining({ unitId: MY_TU, nodeCode: '2.3.2', proposedByName: 'Trần Thị Mỹ Linh' }),
    ]);
    expect(
      await failure(
        S.call('secretariat.decideExemption', { unitId: MY_TU, nodeCode: '2.3.2', decision: 'rejected', reason: '' }),
      ),
    ).toMatchObject({ code: 'EXCHANGE_REASON_REQUIRED' });
    expect(
      await S.call('secretariat.decideExemption', {
        unitId: MY_TU,
        nodeCode: '2.3.2',
        decision: 'approved',
        reason: 'Đúng Công văn 15/STP-VP',
      }),
    ).toMatchObject({ status: 'approved' });
    const c = await S.call('secretariat.completeness');
    expect(c.ready).toBe(false);
    expect(c.blockers[0]).toMatch(/^Còn [\d.]+ tiêu chí thành phần chưa có điểm thẩm định\.$/);
    expect(await failure(S.call('secretariat.finalise', {}))).toMatchObject({ code: 'EXCHANGE_NOT_COMPLETE' });
    expect(await S.call('secretariat.conflicts', {})).toEqual([]);
    expect(await S.call('secretariat.conflictsOfInterest')).toEqual([
      expect.objectContaining({ memberId: LINH, unitName: 'Sở Tư pháp' }),
    ]);
    const audit = await S.call('secretariat.audit', { action: 'exemption.' });
    // newest first: this proposal and its approval, then the demo's own (proposed in the units' workbooks, approved at set-up)
    expect(audit.rows.slice(0, 2).map((r: { action: string }) => r.action)).toEqual([
      'exemption.approve',
      'exemption.propose',
    ]);
    expect(audit.actions).toContain('package.import');
    const exp = await S.call('secretariat.exportAudit', { format: 'csv' });
    expect(exp.chainOk).toBe(true);
    expect(readFileSync(ticketFile(sec.dataDir, 'outbox', exp.file.ticket).path, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFseq,at,actor,action,entity,entityId,before,after,reason,packageHash,prevHash,hash',
    );
    expect(await S.call('secretariat.verify')).toMatchObject({
      ok: true,
      chain: { ok: true },
      packages: { checked: 1, bad: [] },
    });
    expect((await M.call('secretariat.verify').catch((e: { code: string }) => e)).code).toBe('SECRETARIAT_ONLY');
  }, 60_000);
});

describe('identity with the OS keychain (Electron)', () => {
  const newDir = tempDirs('cchc-exchange-keychain-');

  it('creates the key without a passphrase, opens it by itself, and never asks for one', async () => {
    const core = await openCore(newDir(), { demo: false });
    try {
      // A fake keychain: XOR with a fixed byte stands in for safeStorage.
      const keyBox = {
        kind: 'electron-safe-storage',
        seal: (b: Uint8Array) => Buffer.from(b).map((x) => x ^ 0x5a),
        open: (b: Uint8Array) => Buffer.from(b).map((x) => x ^ 0x5a),
      };
      const A = client(
        core,
        { name: 'Lê Văn An', position: 'Chuyên viên', agency: 'Sở Nội vụ', role: 'member', memberId: null },
        { keyBox },
      );
      expect(await A.call('identity.status')).toMatchObject({ state: 'missing', usesPassphrase: false });
      expect(await A.call('identity.create', {})).toMatchObject({
        state: 'unlocked',
        usesPassphrase: false,
        key: { protection: 'electron-safe-storage' },
      });
      // Another process of the app (a new router on the same folder) opens it without being asked.
      const other = await openCore(core.dataDir, { demo: false });
      try {
        const B = client(
          other,
          { name: 'Lê Văn An', position: 'Chuyên viên', agency: 'Sở Nội vụ', role: 'member' },
          { keyBox },
        );
        expect(await B.call('identity.status')).toMatchObject({ state: 'unlocked' });
        expect(await B.call('identity.lock')).toMatchObject({ state: 'unlocked' }); // the keychain opens it again at once
      } finally {
        other.close();
      }
      expect(await failure(A.call('identity.create', {}))).toMatchObject({ code: 'EXCHANGE_IDENTITY_EXISTS' });
    } finally {
      core.close();
    }
  });
});
