import { describe, expect, it } from 'vitest';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { contract, listMethods, findMethod } from '../../shared/contract/index.ts';
import { createRouter, type Handlers } from '../../electron/core/router.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import type { HandlerContext } from '../../electron/core/context.ts';
import { displayPath } from '../../electron/core/context.ts';
import { testCore } from './core-context.ts';

function context(): HandlerContext {
  return {
    core: testCore(),
    settings: memorySettings(),
    app: { version: '9.9.9', transport: 'http' },
  };
}

const member = { name: 'Nguyễn Văn An', position: 'Phó Giám đốc', agency: 'Sở Tư pháp', role: 'member' as const };

function silent() {
  const lines: string[] = [];
  return { lines, log: (m: string) => void lines.push(m) };
}

describe('createRouter', () => {
  it('refuses an unknown method with a coded error', async () => {
    const router = createRouter(handlers, { context: context() });
    for (const m of [
      'nope.nothing',
      'session',
      '',
      'session.__proto__',
      '__proto__.x',
      'constructor.name',
      'session.toString',
      'session.get.x',
    ]) {
      const r = await router.call(m, undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      if (!r.ok) expect(r.error.message).toBe('Yêu cầu không được hỗ trợ.');
    }
    // not a string at all
    expect(await router.call(42 as unknown as string, undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('reports a contract method without a handler as NOT_IMPLEMENTED', async () => {
    const router = createRouter({}, { context: context() });
    expect(await router.call('session.get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_IMPLEMENTED' },
    });
  });

  it('refuses invalid input with INVALID_INPUT in Vietnamese, naming the fields', async () => {
    let ran = false;
    const router = createRouter(
      { 'session.setIdentity': (_ctx, identity) => ((ran = true), { identity, member: null }) },
      { context: context() },
    );
    const r = await router.call('session.setIdentity', { name: '   ', position: 'x', agency: 'y', role: 'boss' });
    expect(ran).toBe(false);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/^Dữ liệu gửi lên không hợp lệ\./);
    expect(r.error.message).toContain('name');
    expect(r.error.message).toContain('role');
    expect(r.error.details).toMatchObject({ method: 'session.setIdentity', fields: 'name, role' });
    for (const bad of [undefined, null, 'x', [], { ...member, extra: 1 }, { ...member, name: 'a'.repeat(101) }]) {
      expect(await router.call('session.setIdentity', bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(
      await createRouter(handlers, { context: context() }).call('session.get', { unexpected: true }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('passes the parsed input (trimmed) to the handler', async () => {
    const seen: unknown[] = [];
    const router = createRouter(
      { 'session.setIdentity': (_ctx, identity) => (seen.push(identity), { identity, member: null }) },
      { context: context() },
    );
    const r = await router.call('session.setIdentity', { ...member, name: '  Nguyễn Văn An  ' });
    expect(r).toEqual({ ok: true, value: { identity: member, member: null } });
    expect(seen).toEqual([member]);
  });

  it('turns a CodedFailure into its coded error', async () => {
    const router = createRouter(
      {
        'app.info': () => {
          throw new CodedFailure('CYCLE_FINALISED', 'Kỳ đánh giá đã khóa.', { year: 2023 });
        },
        'session.get': async () => {
          throw new CodedFailure('DB_OPEN_FAILED', 'Cơ sở dữ liệu đang bận.');
        },
      },
      { context: context() },
    );
    expect(await router.call('app.info', undefined)).toEqual({
      ok: false,
      error: { code: 'CYCLE_FINALISED', message: 'Kỳ đánh giá đã khóa.', details: { year: 2023 } },
    });
    expect(await router.call('session.get', undefined)).toEqual({
      ok: false,
      error: { code: 'DB_OPEN_FAILED', message: 'Cơ sở dữ liệu đang bận.' },
    });
  });

  it('hides other exceptions behind INTERNAL_ERROR and logs the detail', async () => {
    const { lines, log } = silent();
    const router = createRouter(
      {
        'app.info': () => {
          throw new Error('SQLITE_CORRUPT: secret path /home/x');
        },
      },
      { context: context(), log },
    );
    const r = await router.call('app.info', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    if (!r.ok) {
      expect(r.error.message).toMatch(/lỗi không mong muốn/);
      expect(r.error.message).not.toContain('SQLITE');
    }
    expect(lines.join('\n')).toContain('SQLITE_CORRUPT');
    expect(lines.join('\n')).toContain('app.info');
  });

  it('validates outputs in development and tests', async () => {
    const { lines, log } = silent();
    const bad = { 'app.info': () => ({ version: 1 }) } as unknown as Partial<Handlers>;
    const checked = createRouter(bad, { context: context(), log, validateOutput: true });
    expect(await checked.call('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(lines.join('\n')).toMatch(/kết quả trái hợp đồng/);
    const unchecked = createRouter(bad, { context: context(), log, validateOutput: false });
    expect(await unchecked.call('app.info', undefined)).toEqual({ ok: true, value: { version: 1 } });
  });
});

describe('handlers registry', () => {
  it('has a handler for every contract method and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(listMethods(contract).sort());
  });

  it('app.info reports version, transport and the data folder', async () => {
    const ctx = context();
    const router = createRouter(handlers, { context: ctx });
    expect(await router.call('app.info', undefined)).toEqual({
      ok: true,
      value: { version: '9.9.9', transport: 'http', dataDir: ctx.core.dataDir },
    });
  });

  it('session: no identity at first, then the saved one', async () => {
    const ctx = context();
    const router = createRouter(handlers, { context: ctx });
    const saved = { ...member, memberId: null }; // no cycle here, so no roster member to link
    expect(await router.call('session.get', undefined)).toEqual({ ok: true, value: { identity: null, member: null } });
    expect(await router.call('session.setIdentity', member)).toEqual({
      ok: true,
      value: { identity: saved, member: null },
    });
    expect(await router.call('session.get', {})).toEqual({ ok: true, value: { identity: saved, member: null } });
    expect(ctx.settings.get('identity')).toEqual(saved);
  });

  it('session.get treats a corrupted stored identity as not set', async () => {
    const ctx = { ...context(), settings: memorySettings({ identity: { name: 42 } }) };
    const router = createRouter(handlers, { context: ctx });
    expect(await router.call('session.get', undefined)).toEqual({ ok: true, value: { identity: null, member: null } });
  });

  it('marks writes with mutates', () => {
    expect(findMethod(contract, 'session.setIdentity')?.mutates).toBe(true);
    expect(findMethod(contract, 'session.get')?.mutates).toBe(false);
  });
});

describe('displayPath', () => {
  it('shortens the home folder to ~', () => {
    expect(displayPath('/home/an/.config/cchc', '/home/an')).toBe('~/.config/cchc');
    expect(displayPath('/home/an', '/home/an/')).toBe('~');
    expect(displayPath('/home/anna/x', '/home/an')).toBe('/home/anna/x');
    expect(displayPath('C:\\Users\\An\\AppData\\Roaming\\cchc', 'C:\\Users\\An')).toBe('~\\AppData\\Roaming\\cchc');
    expect(displayPath('/x', '')).toBe('/x');
  });
});
