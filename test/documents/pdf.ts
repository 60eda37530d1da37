/** Reading PDFs back with poppler-utils: text, fonts, page size. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

function pdfText(path: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** The text with every run of white space as one space (wrapped table cells read on). */
export function flatText(path: string): string {
  return pdfText(path).normalize('NFC').replace(/\s+/g, ' ');
}

/** Lines of the layout text (a table row on one line), white space collapsed. */
export function layoutLines(path: string): string[] {
  return pdfText(path, true)
    .normalize('NFC')
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '');
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: emb is the 5th column from the end
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
  });
}

export function pdfInfo(path: string): { pages: number; width: number; height: number; sizeName: string } {
  const text = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]);
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/m.exec(text);
  return { pages, width: Number(m?.[1]), height: Number(m?.[2]), sizeName: m?.[3] ?? '' };
}

export function writePdf(path: string, bytes: Uint8Array): string {
  writeFileSync(path, bytes);
  return path;
}

/** "94,00 51,34 13,13 14,34 78,81 83,84": a summary row in vi-VN numbers. */
export function vi(dec: string): string {
  const [i = '0', f] = dec.split('.');
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f === undefined ? int : `${int},${f}`;
}
