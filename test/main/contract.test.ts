import { describe, expect, it } from 'vitest';
import { buildApi, contract, findMethod, listMethods, METHOD_NAME_PATTERN } from '../../shared/contract/index.ts';
import { buildApiFrom } from '../../shared/contract/api-builder.ts';
import { validateIdentity } from '../../renderer/features/session/validate-identity.ts';
import { withSaveTracking } from '../../renderer/api/client.ts';
import { saveState } from '../../renderer/api/save-state.ts';

describe('contract', () => {
  it('names every method namespace.method', () => {
    const names = listMethods(contract);
    expect(names).toEqual(expect.arrayContaining(['app.info', 'session.get', 'session.setIdentity']));
    for (const n of names) expect(n).toMatch(METHOD_NAME_PATTERN);
  });

  it('never finds inherited properties', () => {
    for (const m of [
      '__proto__.x',
      'session.__proto__',
      'session.constructor',
      'toString.call',
      'session.hasOwnProperty',
    ]) {
      expect(findMethod(contract, m)).toBeUndefined();
    }
  });

  it('builds the typed client as named functions over one send', async () => {
    const sent: [string, unknown][] = [];
    const api = buildApi(async (method, input) => {
      sent.push([method, input]);
      return { ok: true, value: method };
    });
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.session)).toBe(true);
    await api.session.get();
    await api.session.setIdentity({ name: 'A', position: 'B', agency: 'C', role: 'member' });
    expect(sent).toEqual([
      ['session.get', undefined],
      ['session.setIdentity', { name: 'A', position: 'B', agency: 'C', role: 'member' }],
    ]);
  });

  it('refuses malformed names when building from a list (the preload path)', () => {
    expect(() => buildApiFrom(['ok.name', 'bad'], async () => ({ ok: true, value: null }))).toThrow();
  });
});

describe('identity form checks', () => {
  it('accepts a complete identity, trimmed', () => {
    expect(
      validateIdentity({ name: ' Võ Minh Tuấn ', position: 'Trưởng phòng', agency: 'Sở Tài chính', role: 'member' }),
    ).toEqual({
      ok: true,
      identity: { name: 'Võ Minh Tuấn', position: 'Trưởng phòng', agency: 'Sở Tài chính', role: 'member' },
    });
  });
  it('explains each problem in Vietnamese', () => {
    expect(validateIdentity({ name: '  ', position: '', agency: 'x'.repeat(201), role: '' })).toEqual({
      ok: false,
      errors: {
        name: 'Vui lòng nhập họ và tên.',
        position: 'Vui lòng nhập chức vụ.',
        agency: 'Tối đa 200 ký tự.',
        role: 'Vui lòng chọn vai trò.',
      },
    });
    expect(validateIdentity({ name: 'A', position: 'B', agency: 'C', role: 'chairman' })).toMatchObject({
      ok: false,
      errors: { role: 'Vui lòng chọn vai trò.' },
    });
  });
});

describe('save indicator feed', () => {
  it('shows saving during a write, then saved or failed; reads do not count', async () => {
    const seen: string[] = [];
    const off = saveState.subscribe(() => seen.push(saveState.get()));
    let release!: (ok: boolean) => void;
    const send = withSaveTracking(
      (method) =>
        new Promise((resolve) => {
          if (method === 'session.get') return resolve({ ok: true, value: null });
          release = (ok) =>
            resolve(ok ? { ok: true, value: null } : { ok: false, error: { code: 'INTERNAL_ERROR', message: 'x' } });
        }),
    );
    await send('session.get', undefined);
    expect(seen).toEqual([]);
    const p = send('session.setIdentity', {});
    expect(saveState.get()).toBe('saving');
    release(true);
    await p;
    expect(saveState.get()).toBe('saved');
    const q = send('session.setIdentity', {});
    release(false);
    await q;
    expect(saveState.get()).toBe('failed');
    expect(seen).toEqual(['saving', 'saved', 'saving', 'failed']);
    off();
  });
});
