/**
 * The demo cycle's input files (resources/demo/, written by tools/demo/generate.ts): a manifest
 * naming the cycle, its groups and the files the set-up and intake read, in the order a
 * secretariat would take them in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type GroupPresetCode, isGroupPreset } from '../../../shared/framework/groups.ts';
import { resourcesDir } from '../framework/defaults.ts';

export const DEMO_MANIFEST = 'cchc-demo/1';
export const DEMO_MANIFEST_FILE = 'ky-danh-gia.json';

export interface DemoManifest {
  readonly format: typeof DEMO_MANIFEST;
  readonly cycle: {
    readonly id: string;
    readonly name: string;
    readonly year: number;
    readonly province: string;
    readonly groups: readonly GroupPresetCode[];
    readonly createdAt: string;
  };
  /** The roster code of the secretariat's own entry (its id is `<cycle>-<code>`): who does every step. */
  readonly secretariat: string;
  /** Files relative to the folder of the manifest. */
  readonly units: string;
  readonly roster: string;
  /** The council's decisions on the lowered benchmarks the units proposed in their workbooks: unit, node code, opinion. */
  readonly exemptions: string;
  readonly survey: string;
  /** Self-assessment workbooks in the order they are taken in (round 1 of every unit, then round 2). */
  readonly dossiers: readonly {
    readonly unit: string;
    readonly round: 1 | 2;
    readonly workbook: string;
    /** A folder or a .zip of the unit's evidence; null when the round cites files already stored. */
    readonly evidence: string | null;
  }[];
}

export function demoDir(): string {
  return join(resourcesDir(), 'demo');
}

const broken = (why: string) =>
  new CodedFailure('DEMO_FILES_INVALID', `Dữ liệu mẫu (resources/demo/${DEMO_MANIFEST_FILE}) không hợp lệ: ${why}.`);

export function readDemoManifest(dir: string = demoDir()): DemoManifest {
  let m: DemoManifest;
  try {
    m = JSON.parse(readFileSync(join(dir, DEMO_MANIFEST_FILE), 'utf8')) as DemoManifest;
  } catch {
    throw new CodedFailure(
      'DEMO_FILES_MISSING',
      `Không đọc được dữ liệu mẫu ${join(dir, DEMO_MANIFEST_FILE)} (tệp đi kèm ứng dụng).`,
    );
  }
  if (m?.format !== DEMO_MANIFEST) throw broken(`định dạng “${String(m?.format)}”`);
  if (!Array.isArray(m.cycle?.groups) || !m.cycle.groups.every(isGroupPreset)) throw broken('nhóm đơn vị');
  if (!Array.isArray(m.dossiers)) throw broken('danh sách phiếu tự đánh giá');
  return m;
}
