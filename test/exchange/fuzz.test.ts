/**
 * Fuzz: 10,000 mutated appraisal packages through the whole read path (size, JSON, schema,
 * signature, roster, cycle, scope, order, merge plan). No crash: every refusal is an
 * ExchangeRefusal with an EXCHANGE_* code. None accepted unless valid: an accepted package's
 * canonical payload is the original's, signed by the member (re-formatting the same JSON is
 * allowed and must be accepted). Nothing is written.
 * Then mutated cycle packages — bytes of the tar, and content changed and signed
 * again — through the member's import, and mutated summary tables through the reader with
 * its range checks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeAppraisalPackage, parseAppraisalPackage } from '../../electron/core/exchange/appraisal-file.ts';
import { exportAppraisalPackage } from '../../electron/core/exchange/export-appraisal.ts';
import { checkPackage, planPackage } from '../../electron/core/exchange/import-check.ts';
import { generateSigner, type Signer } from '../../electron/core/exchange/keys.ts';
import { ExchangeRefusal } from '../../electron/core/exchange/refusal.ts';
import { canonicalJson } from '../../shared/exchange/jcs.ts';
import { declareConflictOfInterest } from '../../electron/core/council/conflicts-of-interest.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { setExemption } from '../../electron/core/exemptions/propose.ts';
import { prng } from '../../tools/prng.ts';
import { isExchangeCode } from '../../shared/exchange/codes.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, counts, makeKeys, memberCopy, memberScope, secretariatStore } from './fixture.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { exportCyclePackage } from '../../electron/core/exchange/cycle-export.ts';
import { importCyclePackage } from '../../electron/core/exchange/cycle-package.ts';
import { csvToRawTable } from '../../electron/core/summary/read.ts';
import { defaultSurveyLimits } from '../../electron/core/summary/limits.ts';
import { tableToFigures } from '../../electron/core/summary/table.ts';
import { add, cmp } from '../../shared/decimal/rational.ts';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { BENCHMARK_MAX } from '../../shared/results/limits.ts';
import { FIXTURES } from '../cli/helpers.ts';
import { forgeCyclePackage } from '../security/forge.ts';
import { storeState } from '../security/store-state.ts';

const N = 10_000;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

describe('fuzz: mutated appraisal packages', () => {
  const newDir = tempDirs('cchc-fuzz-');

  it(`refuses every one of ${N} mutations that changes the signed content, without crashing or writing`, {
    timeout: 120_000,
  }, () => {
    const keys = makeKeys();
    const secDir = newDir();
    const sec = secretariatStore(secDir, keys);
    const mDir = newDir();
    const m2 = memberCopy(sec, secDir, mDir);
    const scope = memberScope(m2, mDir, 'm2');
    const ev = m2.prepare('SELECT id FROM evidence LIMIT 1').pluck().get() as number;
    setAppraisal(scope, {
      unitId: 'u1',
      nodeCode: '1.1',
      input: { met: true },
      comment: 'Có kế hoạch số 12/KH',
      evidence: [{ evidenceId: ev, page: 3 }],
    });
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: { a: 7, b: 9 } });
    setAppraisal(scope, { unitId: 'u2', nodeCode: '2.1', input: { met: false }, comment: 'Thiếu báo cáo "rà soát"' });
    setExemption(scope, { unitId: 'u2', nodeCode: '2.2', reason: 'Không có nhiệm vụ', legalBasis: 'QĐ 5/QĐ-UBND' });
    declareConflictOfInterest(scope, 'u3', 'Đơn vị cũ của tôi');
    const file = exportAppraisalPackage(m2, CYCLE, 'm2', keys.m2, { outDir: mDir }).path;
    m2.close();
    const original = readFileSync(file);
    const originalDoc = JSON.parse(original.toString('utf8')) as { payload: Json; signature: Json };
    const originalCanonical = canonicalJson(originalDoc.payload);
    const before = counts(sec);

    const rnd = prng(4242);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const stranger = generateSigner();
    const wrongKeys: Signer[] = [keys.m1, keys.m3, keys.sec, stranger];

    /** Every container in the JSON and its keys, to mutate one at random. */
    function slots(v: Json, out: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = []) {
      if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), slots(x, out)));
      else if (v && typeof v === 'object')
        for (const k of Object.keys(v)) out.push({ parent: v, key: k }), slots(v[k]!, out);
      return out;
    }
    const weird: Json[] = [
      null,
      true,
      0,
      -1,
      1.5,
      1e21,
      '',
      'x',
      '🙂',
      'a'.repeat(3000),
      [],
      {},
      [1, 2],
      { a: 1 },
      '2024-13-45T99:99:99Z',
      'f'.repeat(64),
      '1/0',
      '-0',
    ];

    function mutateJson(doc: { payload: Json; signature: Json }): void {
      const target = rnd() < 0.9 ? doc.payload : doc.signature;
      const s = slots(target);
      if (s.length === 0) return;
      const { parent, key } = pick(s);
      const p = parent as Record<string | number, Json>;
      switch (int(8)) {
        case 0:
          p[key] = pick(weird);
          break;
        case 1: {
          const v = p[key];
          if (typeof v === 'number') p[key] = pick([v + 1, v - 1, v * 10, -v, v + 0.5]);
          else if (typeof v === 'string')
            p[key] = pick([`${v}x`, v.slice(1), v.toUpperCase(), `${v} `, v.replace(/\d/, '9')]);
          else if (typeof v === 'boolean') p[key] = !v;
          else p[key] = pick(weird);
          break;
        }
        case 2:
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete (parent as Record<string, Json>)[key as string];
          break;
        case 3:
          if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]!));
          else (parent as Record<string, Json>)[`extra${int(3)}`] = pick(weird);
          break;
        case 4: {
          // swap two fields' values
          const other = pick(s);
          const q = other.parent as Record<string | number, Json>;
          const t = p[key]!;
          p[key] = q[other.key]!;
          q[other.key] = t;
          break;
        }
        case 5:
          if (Array.isArray(parent) && parent.length > 1) parent.reverse();
          else p[key] = pick(weird);
          break;
        case 6:
          (doc.payload as Record<string, Json>)['sequence'] = pick([0, 2, 7, -1, 1.5, '1', 1]);
          break;
        default:
          (doc.payload as Record<string, Json>)['cycleId'] = pick(['st-2022', 'ST-2023', `${CYCLE} `, CYCLE]);
      }
    }

    const stats: Record<string, number> = {};
    const count = (k: string) => (stats[k] = (stats[k] ?? 0) + 1);
    let accepted = 0;
    let sameContentAccepted = 0;
    for (let i = 0; i < N; i++) {
      let bytes: Buffer;
      let expectValid = false;
      const kind = int(10);
      if (kind <= 2) {
        // raw bytes: bit flips, a truncation, an insertion or deletion
        bytes = Buffer.from(original);
        const op = int(4);
        if (op === 0) for (let f = 0; f <= int(3); f++) (bytes[int(bytes.length)] as number) ^= 1 << int(8);
        else if (op === 1) bytes = bytes.subarray(0, int(bytes.length));
        else if (op === 2) {
          const at = int(bytes.length);
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([int(256)]), bytes.subarray(at)]);
        } else {
          const at = int(bytes.length);
          bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + int(4))]);
        }
      } else if (kind <= 5) {
        // a JSON edit, signature kept
        const doc = structuredClone(originalDoc);
        mutateJson(doc);
        bytes = Buffer.from(JSON.stringify(doc));
      } else if (kind <= 7) {
        // a JSON edit re-signed with a wrong key (naming it, or still naming the member's key)
        const doc = structuredClone(originalDoc);
        mutateJson(doc);
        const key = pick(wrongKeys);
        const payload = doc.payload as Record<string, Json>;
        if (payload && typeof payload === 'object' && !Array.isArray(payload) && rnd() < 0.7)
          payload['keyFingerprint'] = key.fingerprint;
        try {
          bytes = Buffer.from(encodeAppraisalPackage(payload as never, key).text);
        } catch {
          bytes = Buffer.from(JSON.stringify(doc));
        }
      } else if (kind === 8) {
        // the same content, formatted differently: valid, must be accepted
        const doc = structuredClone(originalDoc) as { payload: Record<string, Json>; signature: Json };
        const reordered = {
          signature: doc.signature,
          payload: Object.fromEntries(Object.entries(doc.payload).reverse()),
        };
        const text = JSON.stringify(reordered, null, pick([0, 1, 2, '\t']));
        bytes = Buffer.from(
          rnd() < 0.5 ? text : text.replace(/[A-Za-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
        );
        expectValid = true;
      } else {
        // signature block edits: another key, another signature, a non-canonical base64 spelling
        const doc = structuredClone(originalDoc) as { payload: Json; signature: Record<string, string> };
        const op = int(3);
        if (op === 0) doc.signature['publicKey'] = pick(wrongKeys).publicKey;
        else if (op === 1)
          doc.signature['value'] = pick(wrongKeys).sign(Buffer.from(originalCanonical)).toString('base64');
        else
          doc.signature['publicKey'] =
            doc.signature['publicKey']!.slice(0, 42) +
            String.fromCharCode(doc.signature['publicKey']!.charCodeAt(42) ^ 1) +
            '=';
        bytes = Buffer.from(JSON.stringify(doc));
      }

      let ok = false;
      try {
        const pkg = parseAppraisalPackage(bytes, `fuzz-${i}.json`);
        const checked = checkPackage(sec, pkg);
        if (checked.state === 'new') planPackage(checked, '2024-03-01T00:00:00.000Z');
        ok = true;
        accepted += 1;
        // none accepted unless valid: the signed content is the member's, unaltered
        expect(pkg.canonical).toBe(originalCanonical);
        expect(pkg.signature.publicKey).toBe(keys.m2.publicKey);
        sameContentAccepted += 1;
        count('accepted');
      } catch (e) {
        if (!(e instanceof ExchangeRefusal) || !isExchangeCode(e.code))
          throw new Error(`mutation ${i} (kind ${kind}) crashed: ${String(e)}`);
        expect(e.message).toContain(`fuzz-${i}.json`);
        count(e.code);
      }
      if (expectValid) expect(ok).toBe(true);
    }
    expect(counts(sec)).toEqual(before);
    expect(sameContentAccepted).toBe(accepted);
    expect(stats['EXCHANGE_BAD_SIGNATURE']).toBeGreaterThan(500);
    expect(Object.keys(stats).length).toBeGreaterThan(8);
    console.log(
      `fuzz: ${N} mutations → ${JSON.stringify(Object.fromEntries(Object.entries(stats).sort((a, b) => b[1] - a[1])))}`,
    );
    sec.close();
  });
});

// ------------------------------------------------------------------ cycle packages

describe('fuzz: mutated cycle packages', () => {
  const newDir = tempDirs('cchc-fuzz-cycle-');
  const CN = 800;

  it(`refuses with a coded EXCHANGE_* error, or imports a valid package, for ${CN} mutations; a refusal writes nothing`, {
    timeout: 300_000,
  }, () => {
    const keys = makeKeys();
    const secDir = newDir();
    const sec = secretariatStore(secDir, keys);
    const real = exportCyclePackage(sec, secDir, CYCLE, keys.sec, {
      actor: 'sec',
      outDir: secDir,
      now: '2024-01-05T00:00:00.000Z',
    }).path;
    sec.close();
    const mDir = newDir();
    const member = openDatabase(join(mDir, 'store.sqlite'));
    importCyclePackage(member, mDir, real, { actor: 'm1', backup: false });
    const original = readFileSync(real);
    const work = newDir();
    const rnd = prng(9090);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const stranger = generateSigner();
    const weird: Json[] = [
      null,
      true,
      0,
      -1,
      1.5,
      1e21,
      '',
      'x',
      '🙂',
      'a'.repeat(3000),
      [],
      {},
      '2024-13-45T99:99:99Z',
      'f'.repeat(64),
      '1/0',
      'u1',
      'm1',
      '9.9',
      'a.exe',
      'st-2023',
    ];
    function slots(v: Json, out: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = []) {
      if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), slots(x, out)));
      else if (v && typeof v === 'object')
        for (const k of Object.keys(v)) out.push({ parent: v, key: k }), slots(v[k]!, out);
      return out;
    }
    const stats: Record<string, number> = {};
    const tally = (k: string) => (stats[k] = (stats[k] ?? 0) + 1);
    let revision = 1;
    for (let i = 0; i < CN; i++) {
      const file = join(work, `fuzz-${i}.cchc-cycle.tar`);
      const kind = int(10);
      if (kind < 5) {
        // bytes of the tar: flips, a cut, an insertion
        let bytes = Buffer.from(original);
        const op = int(3);
        if (op === 0)
          for (let f = 0; f <= int(3); f++) (bytes[int(Math.min(bytes.length, 8192))] as number) ^= 1 << int(8);
        else if (op === 1) bytes = bytes.subarray(0, int(bytes.length));
        else {
          const at = int(Math.min(bytes.length, 8192));
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([int(256)]), bytes.subarray(at)]);
        }
        writeFileSync(file, bytes);
      } else {
        // the content changed and signed again (by the secretariat's key mostly; by a stranger's sometimes)
        revision += 1;
        const rev = revision;
        forgeCyclePackage(real, secDir, rnd() < 0.8 ? keys.sec : stranger, file, (c) => {
          c.revision = rev;
          const doc = c as unknown as Json;
          const s = slots(doc).filter((x) => x.key !== 'revision');
          for (let m = 0; m <= int(2); m++) {
            const { parent, key } = pick(s);
            const p = parent as Record<string | number, Json>;
            const op = int(4);
            if (op === 0) p[key] = pick(weird);
            else if (op === 1 && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]!));
            else if (op === 2 && Array.isArray(parent)) parent.splice(key as number, 1);
            else if (typeof p[key] === 'string') p[key] = `${p[key]}x`;
            else p[key] = pick(weird);
          }
        });
      }
      const before = storeState(member);
      try {
        const r = importCyclePackage(member, mDir, file, { actor: 'm1', backup: false });
        tally(r.code ?? 'imported');
      } catch (e) {
        if (!(e instanceof CodedFailure) || !/^(EXCHANGE|EVIDENCE)_/.test(e.code))
          throw new Error(`mutation ${i} (kind ${kind}) crashed: ${String(e)}`);
        expect(storeState(member)).toEqual(before);
        tally(e.code);
      }
    }
    expect(Object.keys(stats).length).toBeGreaterThan(5);
    console.log(
      `fuzz (cycle packages): ${CN} mutations → ${JSON.stringify(Object.fromEntries(Object.entries(stats).sort((a, b) => b[1] - a[1])))}`,
    );
    member.close();
  });
});

// ------------------------------------------------------------------ summary tables

describe('fuzz: mutated summary tables', () => {
  const SN = 5_000;

  it(`reads within every maximum or refuses with a coded SUMMARY_* error naming the file, for ${SN} mutations`, () => {
    const original = readFileSync(join(FIXTURES, 'summary-districts.csv'), 'utf8');
    const rnd = prng(777);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const tokens = [
      '"',
      ',',
      ';',
      '\n',
      '\r\n',
      ' ',
      '51 34',
      '1.234,5',
      '99',
      '120,5',
      '-1',
      '0',
      '1e3',
      'NaN',
      '=1+1',
      '\u0000',
      '\u001b[31m',
      '9'.repeat(400),
      'district',
      'department',
      '',
      '"94,00"',
      '\uFEFF',
    ];
    const limits = defaultSurveyLimits();
    const stats: Record<string, number> = {};
    const tally = (k: string) => (stats[k] = (stats[k] ?? 0) + 1);
    for (let i = 0; i < SN; i++) {
      let text = original;
      for (let m = 0; m <= int(3); m++) {
        const at = int(text.length);
        const op = int(3);
        if (op === 0) text = text.slice(0, at) + pick(tokens) + text.slice(at);
        else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + int(6));
        else text = text.slice(0, at) + pick(tokens) + text.slice(at + 1 + int(4));
      }
      try {
        const figures = tableToFigures(csvToRawTable(text, `fuzz-${i}.csv`), new Map(), limits);
        for (const { figures: f } of figures) {
          const max = limits(f.group);
          expect(cmp(f.benchmark, BENCHMARK_MAX)).toBeLessThanOrEqual(0);
          expect(cmp(f.surveyCbccvc, max.cbccvc)).toBeLessThanOrEqual(0);
          expect(cmp(f.surveySipas, max.sipas)).toBeLessThanOrEqual(0);
          expect(cmp(add(add(f.selfAssessed, f.surveyCbccvc), f.surveySipas), f.benchmark)).toBeLessThanOrEqual(0);
        }
        tally('read');
      } catch (e) {
        if (!(e instanceof CodedFailure) || !e.code.startsWith('SUMMARY_'))
          throw new Error(`mutation ${i} crashed: ${String(e)}`);
        expect(e.message).toContain(`fuzz-${i}.csv`);
        tally(e.code);
      }
    }
    expect(stats['read']).toBeGreaterThan(0);
    expect(Object.keys(stats).length).toBeGreaterThan(4);
    console.log(
      `fuzz (summary tables): ${SN} mutations → ${JSON.stringify(Object.fromEntries(Object.entries(stats).sort((a, b) => b[1] - a[1])))}`,
    );
  });
});
