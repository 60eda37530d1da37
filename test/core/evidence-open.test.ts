import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { createRouter } from '../../electron/core/router.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import type { HandlerContext } from '../../electron/core/context.ts';
import { evidencePath } from '../../electron/core/evidence/files.ts';
import { listEvidence } from '../../electron/core/db/repos/evidence.ts';
import { isRegisteredHash } from '../../electron/core/db/repos/evidence.ts';
import { testCore } from './core-context.ts';

const core = testCore(true);
afterAll(() => {
  core.close();
  rmSync(core.dataDir, { recursive: true, force: true });
});

function router(extra: Partial<HandlerContext>) {
  const context: HandlerContext = {
    core,
    settings: memorySettings(),
    app: { version: '1', transport: 'http' },
    ...extra,
  };
  return createRouter(handlers, { context, log: () => {} });
}

describe('evidence.open', () => {
  const docs = listEvidence(core.db, 'soc-trang-2023');

  it('gives the harness a ticketed address with the page, for a document of the open cycle', async () => {
    const asked: string[] = [];
    const r = await router({ evidenceUrl: (f) => (asked.push(f.sha256), `/evidence/${f.sha256}?ticket=t`) }).call(
      'evidence.open',
      { evidenceId: docs[0]!.id, page: 7 },
    );
    expect(r).toEqual({ ok: true, value: { url: `/evidence/${docs[0]!.sha256}?ticket=t#page=7` } });
    expect(asked).toEqual([docs[0]!.sha256]);
    const noPage = await router({ evidenceUrl: () => '/x' }).call('evidence.open', { evidenceId: docs[0]!.id });
    expect(noPage).toEqual({ ok: true, value: { url: '/x' } });
    expect(isRegisteredHash(core.db, docs[0]!.sha256)).toBe(true);
    expect(isRegisteredHash(core.db, '0'.repeat(64))).toBe(false);
  });

  it('asks the platform to open a copy under the document’s own name (Electron)', async () => {
    const opened: string[] = [];
    const r = await router({ openFile: async (p) => void opened.push(p) }).call('evidence.open', {
      evidenceId: docs[1]!.id,
      page: 2,
    });
    expect(r).toEqual({ ok: true, value: { url: null } });
    expect(opened).toHaveLength(1);
    expect(basename(opened[0]!)).toBe(docs[1]!.fileName);
    expect(readFileSync(opened[0]!).equals(readFileSync(evidencePath(core.dataDir, docs[1]!.sha256)))).toBe(true);
  });

  it('refuses a document of no cycle, a missing file and a changed file, with coded Vietnamese errors', async () => {
    const r = router({ evidenceUrl: () => '/x' });
    expect(await r.call('evidence.open', { evidenceId: 999999 })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_NOT_FOUND' },
    });
    expect(await r.call('evidence.open', { evidenceId: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    const changed = docs[2]!;
    appendFileSync(evidencePath(core.dataDir, changed.sha256), 'tampered');
    const c = await r.call('evidence.open', { evidenceId: changed.id });
    expect(c).toMatchObject({ ok: false, error: { code: 'EVIDENCE_CHANGED' } });
    if (!c.ok) expect(c.error.message).toContain(changed.fileName);

    const missing = docs[3]!;
    rmSync(evidencePath(core.dataDir, missing.sha256));
    const m = await r.call('evidence.open', { evidenceId: missing.id });
    expect(m).toMatchObject({ ok: false, error: { code: 'EVIDENCE_MISSING' } });
    if (!m.ok) expect(m.error.message).toMatch(/^Không tìm thấy tệp/);
  });

  it('says so when the platform cannot open documents', async () => {
    expect(await router({}).call('evidence.open', { evidenceId: docs[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_CANNOT_OPEN' },
    });
  });
});
