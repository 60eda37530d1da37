/**
 * The attack corpus for the CLI, as data: one line per attack. `files` are made in a fresh
 * work folder first; in `argv`, {db} is the demo database (Sóc Trăng 2023, made by
 * init-demo) and {w}/NAME a file of the work folder. Unless `exit` says 0, the command must
 * fail with `code` on stderr, and the demo database and every file of the work folder must
 * be byte for byte as before (the runner checks).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

type FileSpec = string | Buffer | ((path: string) => void);

export interface CliAttack {
  readonly item: number;
  readonly name: string;
  readonly files?: Readonly<Record<string, FileSpec>>;
  readonly argv: readonly string[];
  readonly code: string;
  readonly exit?: number;
}

const HEADER = 'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas';
/** A summary table of the district units with one changed row (the first). */
const summary = (row: string) => `${HEADER}\n${row}\nUBND huyện Long Phú,district,95.00,51.31,13.46,14.27\n`;
const fifo: FileSpec = (p) => void execFileSync('mkfifo', [p]);
const folder: FileSpec = (p) => void mkdirSync(p);
const sparse =
  (bytes: number): FileSpec =>
  (p) => (writeFileSync(p, `${HEADER}\n`), truncateSync(p, bytes));
const foreignDb: FileSpec = (p) => {
  const db = new Database(p);
  db.exec(
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('sổ tay của chương trình khác')",
  );
  db.close();
};
const manyRows = `${HEADER}\n${Array.from({ length: 100_001 }, (_, i) => `Đơn vị ${i},district,94,50,13,14`).join('\n')}\n`;
const deepPackage = `{"payload":${'['.repeat(5000)}${']'.repeat(5000)},"signature":{}}`;

export const CLI_ATTACKS: readonly CliAttack[] = [
  // 3 — numbers out of range
  {
    item: 3,
    name: 'self-assessed 120,5 over a benchmark of 94',
    files: { 'a.csv': summary('UBND huyện Mỹ Xuyên,district,94,"120,5",13.13,14.34') },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_OUT_OF_RANGE',
  },
  {
    item: 3,
    name: 'self-assessed above benchmark minus the survey maxima',
    files: { 'a.csv': summary('UBND huyện Mỹ Xuyên,district,94,70,13.13,14.34') },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_OUT_OF_RANGE',
  },
  {
    item: 3,
    name: 'survey CBCCVC 99',
    files: { 'a.csv': summary('UBND huyện Mỹ Xuyên,district,94,51.34,99,14.34') },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_OUT_OF_RANGE',
  },
  {
    item: 3,
    name: 'survey SIPAS 99',
    files: { 'a.csv': summary('UBND huyện Mỹ Xuyên,district,94,51.34,13.13,99') },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_OUT_OF_RANGE',
  },
  {
    item: 3,
    name: 'benchmark 250',
    files: { 'a.csv': summary('UBND huyện Mỹ Xuyên,district,250,51.34,13.13,14.34') },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_OUT_OF_RANGE',
  },
  {
    item: 3,
    name: '"51 34" (a space is not a thousands separator here)',
    files: { 'a.csv': summary('UBND huyện Mỹ Xuyên,district,94,51 34,13.13,14.34') },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_NOT_A_NUMBER',
  },
  {
    item: 3,
    name: 'a 400-digit number',
    files: { 'a.csv': summary(`UBND huyện Mỹ Xuyên,district,94,${'9'.repeat(400)},13.13,14.34`) },
    argv: ['results', '--summary', '{w}/a.csv'],
    code: 'SUMMARY_NOT_A_NUMBER',
  },
  {
    item: 3,
    name: 'import-previous: an index above 100 (self-assessed 120)',
    files: { 'p.csv': summary('UBND huyện Mỹ Xuyên,district,94,120,13.13,14.34') },
    argv: ['import-previous', '--db', '{db}', '--summary', '{w}/p.csv'],
    code: 'SUMMARY_OUT_OF_RANGE',
  },
  {
    item: 3,
    name: 'import-previous: "51 34"',
    files: { 'p.csv': summary('UBND huyện Mỹ Xuyên,district,94,51 34,13.13,14.34') },
    argv: ['import-previous', '--db', '{db}', '--summary', '{w}/p.csv'],
    code: 'SUMMARY_NOT_A_NUMBER',
  },
  // 6 — resource limits and file kinds
  {
    item: 6,
    name: 'verify a folder',
    files: { 'goi.cchc-cycle.tar': folder },
    argv: ['verify', '{w}/goi.cchc-cycle.tar'],
    code: 'EXCHANGE_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'verify a FIFO (no hang)',
    files: { 'goi.json': fifo },
    argv: ['verify', '{w}/goi.json'],
    code: 'EXCHANGE_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'import a FIFO (no hang)',
    files: { 'goi.json': fifo },
    argv: ['import', '{w}/goi.json', '--db', '{db}'],
    code: 'EXCHANGE_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'a 5,000-deep JSON appraisal package',
    files: { 'goi.json': deepPackage },
    argv: ['verify', '{w}/goi.json'],
    code: 'EXCHANGE_TOO_DEEP',
  },
  {
    item: 6,
    name: 'summary: a folder named .csv',
    files: { 'd.csv': folder },
    argv: ['results', '--summary', '{w}/d.csv'],
    code: 'SUMMARY_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'summary: a FIFO (no hang)',
    files: { 'f.csv': fifo },
    argv: ['results', '--summary', '{w}/f.csv'],
    code: 'SUMMARY_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'summary: a 200 MB CSV (refused before reading)',
    files: { 'big.csv': sparse(200 * 1024 * 1024) },
    argv: ['results', '--summary', '{w}/big.csv'],
    code: 'SUMMARY_TOO_LARGE',
  },
  {
    item: 6,
    name: 'summary: a 50 MB xlsx (refused before reading)',
    files: { 'big.xlsx': sparse(50 * 1024 * 1024) },
    argv: ['results', '--summary', '{w}/big.xlsx'],
    code: 'SUMMARY_TOO_LARGE',
  },
  {
    item: 6,
    name: 'summary: 100,001 CSV rows (read row by row, refused past 100,000)',
    files: { 'rows.csv': manyRows },
    argv: ['results', '--summary', '{w}/rows.csv'],
    code: 'SUMMARY_TOO_LARGE',
  },
  {
    item: 6,
    name: 'import-survey: a FIFO (no hang)',
    files: { 's.csv': fifo },
    argv: ['import-survey', '--db', '{db}', '--file', '{w}/s.csv'],
    code: 'SURVEY_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'import-previous: a FIFO (no hang)',
    files: { 'p.csv': fifo },
    argv: ['import-previous', '--db', '{db}', '--summary', '{w}/p.csv'],
    code: 'SUMMARY_FILE_UNREADABLE',
  },
  {
    item: 6,
    name: 'framework import: a FIFO (no hang)',
    files: { 'f.json': fifo },
    argv: ['framework', 'import', '{w}/f.json'],
    code: 'FRAMEWORK_IMPORT_FILE',
  },
  {
    item: 6,
    name: 'framework import: a 20 MB file',
    files: { 'f.json': sparse(20 * 1024 * 1024) },
    argv: ['framework', 'import', '{w}/f.json'],
    code: 'FRAMEWORK_IMPORT_TOO_LARGE',
  },
  // 7 — databases that are not this app's
  {
    item: 7,
    name: 'merge-status on a 0-byte file',
    files: { 'empty.sqlite': '' },
    argv: ['merge-status', '--db', '{w}/empty.sqlite'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: "merge-status on another program's SQLite database",
    files: { 'foreign.sqlite': foreignDb },
    argv: ['merge-status', '--db', '{w}/foreign.sqlite'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: "results on another program's SQLite database",
    files: { 'foreign.sqlite': foreignDb },
    argv: ['results', '--db', '{w}/foreign.sqlite'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: "import-survey (writes) on another program's database",
    files: { 'foreign.sqlite': foreignDb, 's.csv': 'unit,survey_cbccvc\nA,1\n' },
    argv: ['import-survey', '--db', '{w}/foreign.sqlite', '--file', '{w}/s.csv'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: 'audit-verify on a text file',
    files: { 'notes.txt': 'không phải cơ sở dữ liệu\n'.repeat(200) },
    argv: ['audit-verify', '--db', '{w}/notes.txt'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: 'minutes on a 0-byte file',
    files: { 'empty.sqlite': '' },
    argv: ['minutes', '--db', '{w}/empty.sqlite', '--out', '{w}/bb.pdf'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: 'finalise on a missing file creates nothing',
    argv: ['finalise', '--db', '{w}/missing.sqlite'],
    code: 'DB_NOT_FOUND',
  },
  {
    item: 7,
    name: 'keygen --db on a folder',
    files: { db: folder },
    argv: ['merge-status', '--db', '{w}/db'],
    code: 'DB_NOT_APP',
  },
  {
    item: 7,
    name: 'merge-status on the demo database opens it read-only (nothing changes)',
    argv: ['merge-status', '--db', '{db}'],
    code: '',
    exit: 0,
  },
  {
    item: 7,
    name: 'results --db on the demo database opens it read-only (nothing changes)',
    argv: ['results', '--db', '{db}'],
    code: '',
    exit: 0,
  },
  {
    item: 7,
    name: 'audit-verify on the demo database opens it read-only (nothing changes)',
    argv: ['audit-verify', '--db', '{db}'],
    code: '',
    exit: 0,
  },
];
