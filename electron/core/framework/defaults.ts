/**
 * The built-in sample frameworks (bộ tiêu chí mẫu), one per group preset, read from
 * resources/frameworks/<group>.json and validated.
 *
 *   loadDefaultFrameworks(resourcesDir?): Record<GroupPresetCode, Framework>
 *   resourcesDir(): string            // the resources/ folder
 *
 * Where resources/ is: $CCHC_RESOURCES when set (the folder that contains frameworks/),
 * otherwise the resources/ folder beside the nearest package.json above this file (or
 * above the working directory when the code is bundled without import.meta.url).
 * Throws CodedFailure FRAMEWORK_DEFAULTS_MISSING / FRAMEWORK_DEFAULTS_INVALID: these files
 * ship with the app, so a bad one is a packaging error, not user input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { GROUP_PRESET_CODES, type GroupPresetCode } from '../../../shared/framework/groups.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { parseFrameworkJson } from './json-file.ts';

function findProjectRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function hereDir(): string | null {
  try {
    const url = import.meta.url;
    return typeof url === 'string' && url.startsWith('file:') ? dirname(fileURLToPath(url)) : null;
  } catch {
    return null;
  }
}

/** The resources/ folder (see the top of this file). */
export function resourcesDir(): string {
  const env = process.env['CCHC_RESOURCES'];
  if (env && env.trim() !== '') return resolve(env);
  for (const start of [hereDir(), process.cwd()]) {
    if (!start) continue;
    const root = findProjectRoot(start);
    if (root) return join(root, 'resources');
  }
  throw new CodedFailure(
    'FRAMEWORK_DEFAULTS_MISSING',
    'Không tìm thấy thư mục resources chứa bộ tiêu chí mẫu (đặt biến môi trường CCHC_RESOURCES).',
  );
}

/** Reads and validates resources/frameworks/<preset>.json for every group preset. */
export function loadDefaultFrameworks(dir: string = resourcesDir()): Record<GroupPresetCode, Framework> {
  const out = {} as Record<GroupPresetCode, Framework>;
  for (const group of GROUP_PRESET_CODES) {
    const file = join(dir, 'frameworks', `${group}.json`);
    if (!existsSync(file)) {
      throw new CodedFailure('FRAMEWORK_DEFAULTS_MISSING', `Thiếu tệp bộ tiêu chí mẫu ${file}.`, { file });
    }
    let f: Framework;
    try {
      f = parseFrameworkJson(readFileSync(file, 'utf8'));
    } catch (e) {
      if (!(e instanceof CodedFailure)) throw e;
      throw new CodedFailure('FRAMEWORK_DEFAULTS_INVALID', `Bộ tiêu chí mẫu ${file} không hợp lệ: ${e.message}`, {
        file,
        cause: e.code,
      });
    }
    if (f.group !== group) {
      throw new CodedFailure(
        'FRAMEWORK_DEFAULTS_INVALID',
        `Tệp ${file} là bộ tiêu chí của nhóm “${f.group}”, không phải “${group}”.`,
        { file },
      );
    }
    out[group] = f;
  }
  return out;
}
