/** Settings in a JSON file of the harness's data folder (the app uses electron-store). */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../core/settings.ts';

export function jsonFileSettings(file: string): Settings {
  const read = (): Record<string, unknown> => {
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    } catch {
      return {}; // missing or corrupted: start empty, readers validate anyway
    }
  };
  return {
    get: (key) => (Object.hasOwn(read(), key) ? read()[key] : undefined),
    set: (key, value) => {
      const data = read();
      data[key] = value;
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
      renameSync(tmp, file);
    },
  };
}
