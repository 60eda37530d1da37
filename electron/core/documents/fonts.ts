/**
 * The documents' font: Tinos (metric-compatible with Times New Roman, full Vietnamese),
 * shipped in resources/fonts with its licence (SIL OFL 1.1), given to Chromium as
 * @font-face rules with data: URLs so that every PDF embeds it whatever fonts the system has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodedFailure } from '../../../shared/errors/codes.ts';

const FONT_FAMILY = 'Tinos';
/** How every embedded font's data: URL starts. */
export const FONT_DATA = 'data:font/ttf;base64,';

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

interface FontFaces {
  readonly css: string;
  /** [the data: URL in the CSS, the font file's file: URL] per face. */
  readonly urls: readonly (readonly [string, string])[];
}
const cache = new Map<string, FontFaces>();

function fontFaces(dir: string): FontFaces {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  const urls: [string, string][] = [];
  const css = FONT_FILES.map((f) => {
    const path = join(dir, f.file);
    if (!existsSync(path))
      throw new CodedFailure('DOCUMENT_FONT_MISSING', `Thiếu tệp phông chữ ${path}.`, { file: path });
    const data = `${FONT_DATA}${readFileSync(path).toString('base64')}`;
    urls.push([data, pathToFileURL(path).href]);
    return `@font-face { font-family: '${FONT_FAMILY}'; src: url(${data}) format('truetype'); font-weight: ${f.weight}; font-style: ${f.style}; }`;
  }).join('\n');
  const faces = { css, urls };
  cache.set(dir, faces);
  return faces;
}

/** The @font-face rules (cached per folder). */
export function documentFontCss(dir: string = fontsDir()): string {
  return fontFaces(dir).css;
}

/** The font files' file: URLs. */
export function fontFileUrls(dir: string = fontsDir()): string[] {
  return fontFaces(dir).urls.map(([, file]) => file);
}

/**
 * The same document with its embedded fonts named by their files instead (file: URLs), for
 * a browser that loads the document from a file: parsing 3 MB of base64 in the page costs
 * Chromium about two seconds, reading the files almost nothing. The PDF embeds the same fonts.
 */
export function withFontFiles(html: string, dir: string = fontsDir()): string {
  let out = html;
  for (const [data, file] of fontFaces(dir).urls) out = out.split(data).join(file);
  return out;
}
