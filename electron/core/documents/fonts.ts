/**
 * The documents' font: Tinos (metric-compatible with Times New Roman, full Vietnamese),
 * shipped in resources/fonts with its licence (SIL OFL 1.1), given to Chromium as
 * @font-face rules with data: URLs so that every PDF embeds it whatever fonts the system has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodedFailure } from '../../../shared/errors/codes.ts';

const FONT_FAMILY = 'Tinos';

const FONT_FILES = [
  { file: 'Tinos-Regular.ttf', weight: 400, style: 'normal' },
  { file: 'Tinos-Bold.ttf', weight: 700, style: 'normal' },
  { file: 'Tinos-Italic.ttf', weight: 400, style: 'italic' },
  { file: 'Tinos-BoldItalic.ttf', weight: 700, style: 'italic' },
] as const;

function here(): string | null {
  try {
    const url = import.meta.url;
    return typeof url === 'string' && url.startsWith('file:') ? dirname(fileURLToPath(url)) : null;
  } catch {
    return null;
  }
}

/** resources/fonts: $CCHC_RESOURCES/fonts when set, else the nearest resources/fonts above this file or the working directory. */
function fontsDir(): string {
  const env = process.env['CCHC_RESOURCES'];
  if (env && env.trim() !== '' && existsSync(join(resolve(env), 'fonts', FONT_FILES[0].file)))
    return join(resolve(env), 'fonts');
  for (const start of [here(), process.cwd()]) {
    if (!start) continue;
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'resources', 'fonts');
      if (existsSync(join(candidate, FONT_FILES[0].file))) return candidate;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new CodedFailure(
    'DOCUMENT_FONT_MISSING',
    'Không tìm thấy phông chữ Tinos (resources/fonts) để in văn bản; đặt biến môi trường CCHC_RESOURCES.',
  );
}

const cache = new Map<string, string>();

/** The @font-face rules (cached per folder). */
export function documentFontCss(dir: string = fontsDir()): string {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  const rules = FONT_FILES.map((f) => {
    const path = join(dir, f.file);
    if (!existsSync(path))
      throw new CodedFailure('DOCUMENT_FONT_MISSING', `Thiếu tệp phông chữ ${path}.`, { file: path });
    const b64 = readFileSync(path).toString('base64');
    return `@font-face { font-family: '${FONT_FAMILY}'; src: url(data:font/ttf;base64,${b64}) format('truetype'); font-weight: ${f.weight}; font-style: ${f.style}; }`;
  }).join('\n');
  cache.set(dir, rules);
  return rules;
}
