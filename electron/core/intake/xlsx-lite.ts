/**
 * A small, fast reader of the cells of an .xlsx held in memory: the zip directory, the
 * workbook's sheet list, shared strings and the sheets' <c> elements (numbers, shared,
 * inline and formula strings with their cached values, booleans). About 20× faster than a
 * full exceljs load for a 120-row self-assessment workbook — what makes 150 units in
 * seconds possible. Styles, validation and protection are not read (the import checks
 * structure by content: codes, titles, maxima, the hidden sheet's values).
 */
import { inflateRawSync } from 'node:zlib';

type LiteCell = string | number | boolean | null;

export interface LiteSheet {
  readonly name: string;
  /** Highest row with a cell. */
  readonly rowCount: number;
  cell(row: number, col: number): LiteCell;
}

export interface LiteWorkbook {
  readonly sheets: readonly LiteSheet[];
  sheet(name: string): LiteSheet | undefined;
}

function zipEntries(buf: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    out.set(name, () => {
      if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad zip entry');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + csize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip method ${method}`);
    });
    p += 46 + nlen + xlen + clen;
  }
  return out;
}

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENT[e]!,
  );
}

function texts(xml: string): string {
  let s = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) s += m[1] ?? '';
  return unescapeXml(s);
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : null;
}

function colNumber(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function parseSheet(name: string, xml: string, shared: readonly string[]): LiteSheet {
  const cells = new Map<number, LiteCell>();
  let rowCount = 0;
  const re = /<c\s([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const head = ` ${m[1]}`;
    const ref = attr(head, 'r');
    if (!ref) continue;
    const { row, col } = colNumber(ref);
    const body = m[3] ?? '';
    const t = attr(head, 't');
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let value: LiteCell = null;
    if (t === 's') value = v === undefined ? null : (shared[Number(v)] ?? null);
    else if (t === 'inlineStr') value = texts(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
    else if (t === 'str') value = v === undefined ? null : unescapeXml(v);
    else if (t === 'b') value = v === '1';
    else if (t === 'e') value = v === undefined ? null : `#${unescapeXml(v)}`;
    else if (v !== undefined) value = Number(v);
    if (value === null || value === '') continue;
    cells.set(row * 16384 + col, value);
    if (row > rowCount) rowCount = row;
  }
  return { name, rowCount, cell: (row, col) => cells.get(row * 16384 + col) ?? null };
}

/** Reads every sheet's cells; throws a plain Error on a file that is not an .xlsx. */
export function readXlsxLite(buf: Buffer): LiteWorkbook {
  const zip = zipEntries(buf);
  const read = (n: string) => zip.get(n)?.().toString('utf8');
  const wbXml = read('xl/workbook.xml');
  const rels = read('xl/_rels/workbook.xml.rels');
  if (!wbXml || !rels) throw new Error('not an xlsx');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    const id = attr(` ${m[1]}`, 'Id');
    const target = attr(` ${m[1]}`, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sst = read('xl/sharedStrings.xml');
  const shared = sst ? [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => texts(m[1] ?? '')) : [];
  const sheets: LiteSheet[] = [];
  for (const m of wbXml.matchAll(/<sheet\s([^>]*?)\/?>/g)) {
    const head = ` ${m[1]}`;
    const name = attr(head, 'name') ?? '';
    const rid = attr(head, 'r:id');
    const path = rid ? targets.get(rid) : undefined;
    const xml = path ? read(path) : undefined;
    if (xml !== undefined) sheets.push(parseSheet(name, xml, shared));
  }
  return { sheets, sheet: (name) => sheets.find((s) => s.name === name) };
}
