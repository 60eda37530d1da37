/** A province's framework file (.xlsx or .json) read as a set-up choice, with its sha256 for the audit. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { readFrameworkJsonFile } from '../framework/json-file.ts';
import { readFrameworkXlsxFile } from '../framework/xlsx-read.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import type { FrameworkChoice } from './cycle-groups.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';

export async function readFrameworkChoice(path: string, name: string = basename(path)): Promise<FrameworkChoice> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx')
    throw new CodedFailure(E.FILE_FORMAT, `Tệp ${name}: bộ tiêu chí phải là tệp .xlsx hoặc .json.`, { file: name });
  let framework: Framework;
  try {
    framework = ext === '.json' ? readFrameworkJsonFile(path) : await readFrameworkXlsxFile(path);
  } catch (e) {
    // The refusal names the file as the user chose it (not the uploaded copy's path).
    if (e instanceof CodedFailure)
      throw new CodedFailure(e.code, `Tệp ${name}: ${e.message}`, { ...e.details, file: name });
    throw e;
  }
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { kind: 'imported', framework, file: name, sha256 };
}
