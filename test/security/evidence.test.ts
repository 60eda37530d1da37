/**
 * evidence opening. Only the allowed document kinds are accepted and
 * opened; the viewing copy is written afresh, from bytes hashed again, into a private
 * folder (0700) with an unpredictable name — a file changed behind the cache's back or
 * planted at the old shared path is never what opens.
 */
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/core/context.ts';
import { listEvidence, putEvidence } from '../../electron/core/db/repos/evidence.ts';
import { evidencePath, importEvidenceBytes, storeEvidenceBytes } from '../../electron/core/evidence/files.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { testCore } from '../core/core-context.ts';
import { storeState } from './store-state.ts';

const core = testCore(true);
afterAll(() => {
  core.close();
  rmSync(core.dataDir, { recursive: true, force: true });
});

const CYCLE = 'soc-trang-2023';
const opened: string[] = [];
const router = createRouter(handlers, {
  context: {
    core,
    settings: memorySettings(),
    app: { version: '1', transport: 'http' },
    openFile: async (p) => void opened.push(p),
  } satisfies HandlerContext,
  log: () => {},
});

/** Names a member or a package might give a document, with whether it is accepted. */
const NAMES: readonly [string, boolean][] = [
  ['quyet-dinh.pdf', true],
  ['anh-chup.JPG', true],
  ['bao-cao.docx', true],
  ['so-lieu.ods', true],
  ['cai-dat.exe', false],
  ['mo.hta', false],
  ['bao-cao.pdf.exe', false],
  ['trang.html', false],
  ['lenh.js', false],
  ['loi-tat.lnk', false],
  ['khong-duoi', false],
];

describe('evidence: kinds, private copies, re-hashing', () => {
  it.each(NAMES)('import of “%s”: accepted = %s; a refusal writes nothing', (name, accepted) => {
    const before = storeState(core.db);
    const run = () => importEvidenceBytes(core.db, core.dataDir, CYCLE, name, Buffer.from(`nội dung ${name}`));
    if (accepted) expect(run()).toBeGreaterThan(0);
    else {
      expect(run).toThrow(expect.objectContaining({ code: 'EVIDENCE_TYPE_REFUSED' }));
      expect(storeState(core.db)).toEqual(before);
    }
  });

  it('opens a fresh copy in a private folder every time; a planted file at the old shared path is not used', async () => {
    const doc = listEvidence(core.db, CYCLE).find((d) => d.fileName.endsWith('.pdf'))!;
    const planted = join(tmpdir(), 'cchc-tai-lieu', doc.sha256.slice(0, 16), doc.fileName);
    mkdirSync(dirname(planted), { recursive: true });
    writeFileSync(planted, 'MZ planted');
    opened.length = 0;
    expect(await router.call('evidence.open', { evidenceId: doc.id })).toMatchObject({ ok: true });
    expect(await router.call('evidence.open', { evidenceId: doc.id })).toMatchObject({ ok: true });
    expect(opened).toHaveLength(2);
    expect(opened[0]).not.toBe(opened[1]);
    for (const p of opened) {
      expect(p).not.toBe(planted);
      expect(readFileSync(p).equals(readFileSync(evidencePath(core.dataDir, doc.sha256)))).toBe(true);
      expect(statSync(dirname(dirname(p))).mode & 0o777).toBe(0o700);
      expect(statSync(p).mode & 0o222).toBe(0);
    }
  });

  it('re-hashes before opening: a same-size change with the old mtime is refused', async () => {
    const doc = listEvidence(core.db, CYCLE).filter((d) => d.fileName.endsWith('.pdf'))[1]!;
    const path = evidencePath(core.dataDir, doc.sha256);
    expect(await router.call('evidence.open', { evidenceId: doc.id })).toMatchObject({ ok: true }); // the status cache now says "ok"
    const st = statSync(path);
    const bytes = readFileSync(path);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0x20;
    writeFileSync(path, bytes);
    utimesSync(path, st.atime, st.mtime);
    opened.length = 0;
    expect(await router.call('evidence.open', { evidenceId: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_CHANGED' },
    });
    expect(opened).toEqual([]);
  });

  it('never opens a stored document of a refused kind (registered before the allow-list)', async () => {
    const sha = storeEvidenceBytes(core.dataDir, Buffer.from('MZ không phải tài liệu'));
    const id = putEvidence(core.db, {
      cycleId: CYCLE,
      sha256: sha,
      title: 'Cài đặt',
      fileName: 'cai-dat.exe',
      size: 22,
      mime: null,
    });
    opened.length = 0;
    expect(await router.call('evidence.open', { evidenceId: id })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_TYPE_REFUSED' },
    });
    expect(opened).toEqual([]);
  });
});
