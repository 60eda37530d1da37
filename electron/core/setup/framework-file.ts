/** A province's framework file (.xlsx or .json) read as a set-up choice, with its sha256 for the audit. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { readFrameworkJsonFile } from '../framework/json-file.ts';
import { readFrameworkXlsxFile } from '../framework/xlsx-read.ts';
import type { FrameworkChoice } from './cycles.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';

export async function readFrameworkChoice(path: string, name: string = basename(path)): Promise<FrameworkChoice> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx')
    throw new CodedFailure(E.FILE_FORMAT, `Tệp ${name}: bộ tiêu chí phải là tệp .xlsx hoặc .json.`, { file: name });
  const r = ext === '.json' ? readFrameworkJsonFile(path) : await readFrameworkXlsxFile(path);
  if (!r.ok) throw CodedFailure.from(r.error, `Tệp ${name}: ${r.error.message}`, { file: name });
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { kind: 'imported', framework: r.value, file: name, sha256 };
}
