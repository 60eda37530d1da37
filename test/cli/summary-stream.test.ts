/**
 * Summary tables read piece by piece (CsvStream, csv-file.ts): the same records, figures
 * and refusals as the whole-text reader (parseCsv, csvToRawTable + tableToFigures), on
 * files larger than one 64 KB piece, and the same choice of problem when a file has several.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { prng } from '../../tools/prng.ts';
import { CsvStream, CsvSyntaxError, type CsvRecord, parseCsv } from '../../electron/core/summary/csv.ts';
import { checkRowCount, csvToRawTable, decodeCsvBytes, readSummaryFiles } from '../../electron/core/summary/read.ts';
import { tableToFigures } from '../../electron/core/summary/table.ts';
import { defaultSurveyLimits } from '../../electron/core/summary/limits.ts';
import { cli, summaries, tempDir } from './helpers.ts';
import { computeResults } from '../../shared/results/compute.ts';
import { GROUP_PRESET_CODES, presetGroups } from '../../shared/framework/groups.ts';
import { renderResultsJson } from '../../electron/cli/render/json.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const HEADER = 'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas';

/** Records of `text` fed to a CsvStream in pieces cut at the given lengths (cycled). */
function streamed(text: string, cuts: readonly number[]): CsvRecord[] | CsvSyntaxError {
  const out: CsvRecord[] = [];
  const s = new CsvStream((r) => out.push(r));
  try {
    let i = 0;
    for (let k = 0; i < text.length; k++) {
      const n = cuts[k % cuts.length]!;
      s.push(text.slice(i, i + n));
      i += n;
    }
    s.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) return e;
    throw e;
  }
  return out;
}

function whole(text: string): CsvRecord[] | CsvSyntaxError {
  try {
    return parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return e;
    throw e;
  }
}

describe('CsvStream', () => {
  it('gives the records (or the syntax error) of parseCsv however the text is cut', () => {
    const texts = [
      '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n',
      'a;b\r"1;2";"3,5"\r\r',
      '"",x,',
      '"a"',
      'a\n"b\nc\n',
      '"a"b,c',
      'a,b\r\nc,"d""',
      'x\r',
      '',
    ];
    const rnd = prng(7);
    for (const text of texts) {
      const expected = whole(text);
      for (const cuts of [[1], [2], [3], [1, 5, 2], [1000]]) expect(streamed(text, cuts)).toEqual(expected);
      for (let k = 0; k < 20; k++) {
        const cuts = Array.from({ length: 5 }, () => 1 + Math.floor(rnd() * 6));
        expect(streamed(text, cuts)).toEqual(expected);
      }
    }
  });
});

/** A table of `n` units, some names quoted with commas, quotes and line breaks, CRLF line ends. */
function bigTable(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const name = i % 7 === 0 ? `"Phường ""${i}"", thị xã\r\nNgã Năm"` : `UBND xã Đơn vị số ${i}`;
    const group = i % 5 === 0 ? 'UBND cấp huyện' : 'district';
    lines.push(`${name},${group},${90 + (i % 11) / 2},${(50 + (i % 17) / 4).toFixed(2)},12.5,${(i % 9) + 0.25}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function refusal(paths: string[]): Promise<CodedFailure> {
  const e = await readSummaryFiles(paths).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(CodedFailure);
  return e as CodedFailure;
}

describe('a summary CSV read piece by piece', () => {
  it('reads a file of many pieces to the same figures as the whole-text reader', async () => {
    const text = bigTable(6000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 64 * 1024);
    const p = tmp.file('lon.csv', text);
    const expected = tableToFigures(csvToRawTable(text, 'lon.csv'), new Map(), defaultSurveyLimits()).map(
      (f) => f.figures,
    );
    const figures = await readSummaryFiles([p]);
    expect(figures).toHaveLength(6000);
    expect(figures).toEqual(expected);
    expect(figures[7]!.unit).toBe('Phường "7", thị xã Ngã Năm');
  });

  it('reads UTF-16 (Excel “Unicode text”) and a "sep=;" line with semicolons', async () => {
    const text = bigTable(3000);
    const le = tmp.file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await readSummaryFiles([le])).toEqual(await readSummaryFiles([tmp.file('u8.csv', text)]));
    const semi = tmp.file(
      'semi.csv',
      `sep=;\n${HEADER.replaceAll(',', ';')}\nA;district;94;50;13;14\nA;district;94;50;13;14\n`,
    );
    const dup = await refusal([semi]);
    expect([dup.code, dup.details]).toEqual([
      'SUMMARY_DUPLICATE_UNIT',
      { file: 'semi.csv', row: 4, column: 'unit', value: 'A' },
    ]);
  });

  it('reports what the whole-text reader reports when a file has several problems', async () => {
    const rows = bigTable(4000).split('\r\n');
    const bad = (name: string, edit: (r: string[]) => void): [string, Buffer] => {
      const r = [...rows];
      edit(r);
      return [name, Buffer.from(r.join('\r\n'))];
    };
    /** The refusal of the whole-text reader (decode, parse, count, then figures), and of the streamed one. */
    const both = async ([name, bytes]: [string, Buffer]) => {
      let before: unknown;
      try {
        const table = checkRowCount(csvToRawTable(decodeCsvBytes(bytes, name), name), 100_000, 'SUMMARY');
        tableToFigures(table, new Map(), defaultSurveyLimits());
      } catch (e) {
        before = e;
      }
      expect(before).toBeInstanceOf(CodedFailure);
      const now = await refusal([tmp.file(name, bytes)]);
      expect([now.code, now.message, now.details]).toEqual([
        (before as CodedFailure).code,
        (before as CodedFailure).message,
        (before as CodedFailure).details,
      ]);
      return now;
    };
    // A bad figure near the top, an unclosed quote near the end: the quote (syntax comes first).
    const quote = await both(
      bad('q.csv', (r) => {
        r[3] = 'X,district,abc,1,1,1';
        r[3990] = '"unclosed,district,94,50,13,14';
      }),
    );
    expect(quote.code).toBe('SUMMARY_CSV_MALFORMED');
    expect(quote.details?.row).toBeGreaterThan(3900);
    // A bad figure near the top, a row wider than the header near the end: the wide row.
    const wide = await both(
      bad('w.csv', (r) => {
        r[3] = 'X,district,abc,1,1,1';
        r[3500] = 'Y,district,94,50,13,14,99';
      }),
    );
    expect([wide.code, wide.details?.column]).toEqual(['SUMMARY_CSV_MALFORMED', 7]);
    // A syntax error, then bytes that are not UTF-8 in a later piece: the encoding.
    const enc = Buffer.concat([
      Buffer.from(`${HEADER}\r\n"open\r\n`),
      Buffer.from(rows.slice(1).join('\r\n')),
      Buffer.from([0xc3, 0x28]),
    ]);
    expect((await both(['enc.csv', enc])).code).toBe('SUMMARY_FILE_UNREADABLE');
    // A missing column and a bad figure: the column.
    const column = await both(bad('h.csv', (r) => void (r[0] = r[0]!.replace('survey_sipas', 'x'))));
    expect(column.code).toBe('SUMMARY_MISSING_COLUMN');
    // Only a bad figure, deep in the file: that one, at its row and column.
    const figure = await both(bad('f.csv', (r) => void (r[3000] = 'X,district,94,abc,13,14')));
    expect([figure.code, figure.details?.column, figure.details?.value]).toEqual([
      'SUMMARY_NOT_A_NUMBER',
      'self_assessed',
      'abc',
    ]);
  });

  it('refuses more than 100,000 rows with the count of the whole file, before any figure problem', async () => {
    const lines = [HEADER, 'X,district,abc,1,1,1'];
    for (let i = 0; i < 100_002; i++) lines.push(`U${i},district,94,50,13,14`);
    const e = await refusal([tmp.file('many.csv', `${lines.join('\n')}\n`)]);
    expect(e.code).toBe('SUMMARY_TOO_LARGE');
    expect(e.message).toBe('Tệp many.csv: có 100003 dòng, tối đa 100000 dòng.');
  });

  it('the CLI prints, through a pipe, the bytes of the whole-table computation, at any precision', async () => {
    const a = tmp.file('a.csv', bigTable(2500));
    const b = tmp.file('b.csv', bigTable(1500).replaceAll('Đơn vị số', 'Cơ quan số').replaceAll('thị xã', 'huyện'));
    const order = presetGroups(GROUP_PRESET_CODES).map((g) => g.code);
    const figures = await readSummaryFiles([a, b]);
    for (const precision of [2, 0, 5]) {
      const run = await cli('results', ...summaries(a, b), '--precision', String(precision));
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(renderResultsJson(computeResults(figures, precision, order)));
    }
  });
});
