import { afterEach, describe, expect, it } from 'vitest';
import Conf from 'conf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memorySettings, storeSettings, type Settings } from '../../electron/core/settings.ts';
import { jsonFileSettings } from '../../electron/harness/json-settings.ts';
import { createRouter } from '../../electron/core/router.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { testCore } from '../core/core-context.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cchc-settings-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const identity = { name: 'Trần Thị Bích', position: 'Chánh Văn phòng', agency: 'Sở Nội vụ', role: 'secretariat' };

function contractTests(name: string, make: () => { settings: Settings; reopen: () => Settings }) {
  describe(name, () => {
    it('reads back what it stored, across reopening', () => {
      const { settings, reopen } = make();
      expect(settings.get('identity')).toBeUndefined();
      settings.set('identity', identity);
      settings.set('windowBounds', { x: 1, y: 2, width: 1000, height: 700 });
      expect(settings.get('identity')).toEqual(identity);
      const again = reopen();
      expect(again.get('identity')).toEqual(identity);
      expect(again.get('windowBounds')).toEqual({ x: 1, y: 2, width: 1000, height: 700 });
    });

    it('backs session.* through the router', async () => {
      const { settings, reopen } = make();
      const ctx = { core: testCore(), settings, app: { version: '1', transport: 'http' as const } };
      await createRouter(handlers, { context: ctx }).call('session.setIdentity', identity);
      const r = await createRouter(handlers, { context: { ...ctx, settings: reopen() } }).call(
        'session.get',
        undefined,
      );
      expect(r).toEqual({ ok: true, value: { identity: { ...identity, memberId: null }, member: null } });
    });
  });
}

contractTests('storeSettings over conf (what electron-store is built on)', () => {
  const cwd = tempDir();
  const open = () => storeSettings(new Conf({ cwd, projectName: 'cchc-test', configName: 'settings' }));
  return { settings: open(), reopen: open };
});

contractTests('jsonFileSettings (harness)', () => {
  const file = path.join(tempDir(), 'sub', 'settings.json');
  return { settings: jsonFileSettings(file), reopen: () => jsonFileSettings(file) };
});

describe('jsonFileSettings', () => {
  it('treats a corrupted file as empty and rewrites it whole', () => {
    const file = path.join(tempDir(), 'settings.json');
    writeFileSync(file, '{not json');
    const s = jsonFileSettings(file);
    expect(s.get('identity')).toBeUndefined();
    s.set('identity', identity);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ identity });
  });
  it('does not read inherited properties', () => {
    const file = path.join(tempDir(), 'settings.json');
    writeFileSync(file, '{}');
    expect(jsonFileSettings(file).get('constructor' as 'identity')).toBeUndefined();
  });
});

describe('memorySettings', () => {
  it('copies values like a real store', () => {
    const s = memorySettings();
    const v = { a: [1] };
    s.set('preferences', v);
    v.a.push(2);
    expect(s.get('preferences')).toEqual({ a: [1] });
  });
});
