/**
 * the CLI attack corpus (test/security/cli-attacks.ts, one line
 * each), run in process. Refused with its code; the demo database and every file of the
 * work folder unchanged, byte for byte (no -wal/-shm left beside a foreign file either).
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { tempDirs } from '../db/support.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { CLI_ATTACKS } from './cli-attacks.ts';

async function cchc(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** Every file of a folder (recursive) with the sha256 of its bytes; FIFOs and folders by kind. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name);
    const st = lstatSync(p);
    out[name] = st.isFile()
      ? `${st.size}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`
      : st.isFIFO()
        ? 'fifo'
        : 'dir';
  }
  return out;
}

describe('CLI attack corpus', () => {
  const newDir = tempDirs('cchc-sec-cli-');
  let demoDir: string;
  let db: string;

  beforeAll(async () => {
    demoDir = newDir();
    db = copyDemoStore(demoDir, 'demo.sqlite'); // built by init-demo's path once per run (test/global-setup.ts)
  }, 60_000);

  it.each(CLI_ATTACKS.map((a) => [`${a.item}: ${a.name}`, a] as const))(
    'item %s',
    { timeout: 60_000 },
    async (_n, attack) => {
      const w = newDir();
      for (const [name, spec] of Object.entries(attack.files ?? {})) {
        const p = join(w, name);
        if (typeof spec === 'function') spec(p);
        else writeFileSync(p, spec);
      }
      const argv = attack.argv.map((a) => a.replace('{db}', db).replace('{w}', w));
      // A read-only reader of a WAL database needs SQLite's shared-memory index: an -shm file and an empty -wal may appear; the database does not change.
      const demo = () =>
        Object.fromEntries(
          Object.entries(snapshot(demoDir)).filter(
            ([n, v]) => !n.endsWith('-shm') && !(n.endsWith('-wal') && v.startsWith('0:')),
          ),
        );
      const demoBefore = demo();
      const workBefore = snapshot(w);
      const r = await cchc(argv);
      if (attack.exit === 0) {
        expect(r.code, r.stderr).toBe(0);
      } else {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`^${attack.code}: `));
      }
      expect(demo()).toEqual(demoBefore);
      expect(snapshot(w)).toEqual(workBefore);
      expect(existsSync(join(w, 'missing.sqlite'))).toBe(false);
    },
  );

  it('a refused summary names the file, the row and the column', async () => {
    const w = newDir();
    mkdirSync(w, { recursive: true });
    writeFileSync(
      join(w, 'tong-hop.csv'),
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nA,district,94,"120,5",13,14\n',
    );
    const r = await cchc(['results', '--summary', join(w, 'tong-hop.csv')]);
    expect(r.stderr).toMatch(
      /^SUMMARY_OUT_OF_RANGE: Tệp .*tong-hop\.csv, dòng 2, cột "self_assessed": "120,5" lớn hơn mức tối đa 64 /,
    );
  });
});
