import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberPackages } from '../../bench/packages.ts';
import { seedRealCycle } from '../../bench/synthetic.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';
import { appraisalCapFor } from '../../electron/core/exchange/package-cap.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { treeFor } from '../../electron/core/framework/trees.ts';
import { listUnits } from '../../electron/core/db/repos/units.ts';
import { APPRAISAL_CEILING_BYTES, appraisalMaxBytes } from '../../shared/exchange/appraisal-package.ts';
import { tempDirs } from '../db/support.ts';

const MB = 1024 * 1024;

describe('the appraisal package cap grows with the cycle', () => {
  const newDir = tempDirs();

  it('is 400 bytes per unit × counted sub-criterion, between 20 MB and 160 MB', () => {
    expect(appraisalMaxBytes(0)).toBe(20 * MB);
    expect(appraisalMaxBytes(100_000)).toBe(40_000_000);
    expect(appraisalMaxBytes(10_000 * 120)).toBe(160 * MB);
    expect(APPRAISAL_CEILING_BYTES).toBe(160 * MB);
  });

  it('a 1,000-unit cycle takes a package past 20 MB, refuses one past its cap, and the refusal writes nothing', () => {
    const dir = newDir();
    const db = openDatabase(join(dir, 'cchc.sqlite'));
    expect(appraisalCapFor(db)).toBe(20 * MB);
    const cycle = seedRealCycle(db, loadDefaultFrameworks(), 1000, { members: 8, merged: false });
    const unitLeaves = listUnits(db, cycle.cycleId).reduce(
      (s, u) => s + treeFor(db, cycle.cycleId, u.group).plan.leaves.length,
      0,
    );
    const cap = appraisalCapFor(db);
    expect(cap).toBe(unitLeaves * 400);
    expect(cap).toBeGreaterThan(21 * MB);

    // Any formatting of the same payload and signature is the same package: pad with spaces.
    const [a, b] = memberPackages(db, cycle);
    const padded = (name: string, bytes: Buffer, size: number) => {
      const path = join(dir, name);
      writeFileSync(path, Buffer.concat([bytes, Buffer.alloc(size - bytes.length, ' ')]));
      return path;
    };
    const under = padded('under.cchc-appraisal.json', a!.bytes, 21 * MB);
    const over = padded('over.cchc-appraisal.json', b!.bytes, cap + 1);
    const count = () => db.prepare('SELECT count(*) FROM appraisals').pluck().get() as number;
    const before = count();
    const refused = importFiles(db, dir, [over], { actor: 'test', backup: false }).outcomes[0]!;
    expect(refused.status).toBe('refused');
    expect(refused.code).toBe('EXCHANGE_TOO_LARGE');
    expect(refused.message).toContain(`tối đa ${cap} byte`);
    expect(count()).toBe(before);

    const imported = importFiles(db, dir, [under], { actor: 'test', backup: false }).outcomes[0]!;
    expect(imported.status).toBe('imported');
    expect(count()).toBe(before + a!.items);
    expect(readFileSync(under).length).toBe(21 * MB);
    db.close();
  });
});
