/** The summary reader as a library: the CSV parser, header and group matching, readSummaryFiles. */
import { afterAll, describe, expect, it } from 'vitest';
import { serialize } from '../../shared/decimal/rational.ts';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { columnOfHeader, parseUnitGroup } from '../../electron/core/summary/columns.ts';
import { CsvSyntaxError, parseCsv, sniffDelimiter } from '../../electron/core/summary/csv.ts';
import { readSummaryFiles } from '../../electron/core/summary/read.ts';
import { rawCellOf } from '../../electron/core/summary/xlsx.ts';
import { rat } from '../../shared/decimal/rational.ts';
import { DISTRICTS_CSV, PUBLIC_UNITS_CSV, tempDir } from './helpers.ts';
import { exactDecimalText } from '../../shared/decimal/text.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('handles LF, lone CR, no final newline, empty quoted fields and a trailing delimiter', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(parseCsv('a\rb\r')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ]);
    expect(parseCsv('"",x,')).toEqual([{ line: 1, fields: ['', 'x', ''] }]);
    expect(parseCsv('"a"')).toEqual([{ line: 1, fields: ['a'] }]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses an unterminated quote (at the line it opens) and text after a closing quote', () => {
    expect(() => parseCsv('a\n"b\nc\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\n"b\nc\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
      expect((e as CsvSyntaxError).problem).toBe('unterminated_quote');
    }
    expect(() => parseCsv('"a"b,c')).toThrow(/text_after_quote/);
  });

  it('guesses the delimiter from the first record, outside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('"x;y",b\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
    expect(parseCsv('a;b\n"1;2";"3,5"\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1;2', '3,5'] },
    ]);
  });
});

describe('headers and groups', () => {
  it('matches headers without regard to case, diacritics or spacing, in English or the report’s Vietnamese', () => {
    expect(columnOfHeader('Unit')).toBe('unit');
    expect(columnOfHeader(' Tên  đơn vị ')).toBe('unit');
    expect(columnOfHeader('DON VI')).toBe('unit');
    expect(columnOfHeader('Khối')).toBe('group');
    expect(columnOfHeader('nhom')).toBe('group');
    expect(columnOfHeader('Điểm chuẩn\ntối đa')).toBe('benchmark_max');
    expect(columnOfHeader('Benchmark Max')).toBe('benchmark_max');
    expect(columnOfHeader('ĐIỂM TỰ ĐÁNH GIÁ')).toBe('self_assessed');
    expect(columnOfHeader('Khảo sát CBCCVC')).toBe('survey_cbccvc');
    expect(columnOfHeader('Chỉ số SIPAS')).toBe('survey_sipas');
    expect(columnOfHeader('SIPAS')).toBe('survey_sipas');
    expect(columnOfHeader('STT')).toBeNull();
    expect(columnOfHeader('Xếp nhóm')).toBeNull(); // the classification, not the unit group
    expect(columnOfHeader('Chỉ số CCHC')).toBeNull();
  });

  it('reads group codes and Vietnamese labels', () => {
    expect(parseUnitGroup('district')).toBe('district');
    expect(parseUnitGroup('PUBLIC_SERVICE_UNIT')).toBe('public_service_unit');
    expect(parseUnitGroup('ubnd cấp huyện')).toBe('district');
    expect(parseUnitGroup('Sở, ban, ngành tỉnh')).toBe('department');
    expect(parseUnitGroup('Cơ quan Trung ương đặt tại tỉnh')).toBe('central_agency');
    expect(parseUnitGroup('')).toBeNull();
    expect(parseUnitGroup('huyện')).toBeNull();
  });
});

describe('exceljs cells and exact decimals', () => {
  it('takes formula results, rich text and hyperlink text; marks dates, errors and uncalculated formulas', () => {
    expect(rawCellOf(51.34)).toBe(51.34);
    expect(rawCellOf({ formula: 'A1+B1', result: 78.81 })).toBe(78.81);
    expect(rawCellOf({ sharedFormula: 'C2', result: 7 })).toBe(7);
    expect(rawCellOf({ richText: [{ text: 'UBND ' }, { text: 'huyện' }] })).toBe('UBND huyện');
    expect(rawCellOf({ text: 'Sở Y tế', hyperlink: 'https://example.org' })).toBe('Sở Y tế');
    expect(rawCellOf({ formula: 'A1' })).toEqual({ other: 'formula_without_result', display: '=A1' });
    expect(rawCellOf({ error: '#DIV/0!' })).toEqual({ other: 'error', display: '#DIV/0!' });
    expect(rawCellOf(new Date(Date.UTC(2024, 2, 15)))).toEqual({ other: 'date', display: '15/03/2024' });
    expect(rawCellOf(null)).toBeNull();
  });

  it('prints finite decimals exactly and others half up to 6 places', () => {
    expect(exactDecimalText(rat(5134n, 100n))).toBe('51.34');
    expect(exactDecimalText(rat(94n))).toBe('94');
    expect(exactDecimalText(rat(1n, 8n))).toBe('0.125');
    expect(exactDecimalText(rat(2n, 3n))).toBe('0.666667');
    expect(exactDecimalText(rat(1n, 3000000n))).toBe('0');
    expect(exactDecimalText(rat(94n), 2)).toBe('94.00');
    expect(exactDecimalText(rat(175n, 10n), 2)).toBe('17.50');
  });
});

describe('readSummaryFiles', () => {
  it('merges the files in order with exact figures', async () => {
    const figures = await readSummaryFiles([DISTRICTS_CSV, PUBLIC_UNITS_CSV]);
    expect(figures).toHaveLength(15);
    expect(figures[0]!.unit).toBe('UBND huyện Mỹ Xuyên');
    expect(serialize(figures[0]!.selfAssessed)).toBe('2567/50'); // 51.34
    expect(figures[11]!.group).toBe('public_service_unit');
  });

  it('throws CodedFailure with the location in its details', async () => {
    const p = tmp.file(
      'bad.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nA,district,94,x,1,1\n',
    );
    const err = await readSummaryFiles([p]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodedFailure);
    expect((err as CodedFailure).code).toBe('SUMMARY_NOT_A_NUMBER');
    expect((err as CodedFailure).details).toEqual({ file: 'bad.csv', row: 2, column: 'self_assessed', value: 'x' });
  });

  it('names files by their path when two share a base name', async () => {
    const a = tmp.file(
      'a.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nA,district,94,1,1,1\n',
    );
    const err = await readSummaryFiles([a, a]).catch((e: unknown) => e);
    expect((err as CodedFailure).code).toBe('SUMMARY_DUPLICATE_UNIT');
    expect((err as CodedFailure).message).toContain(a);
  });
});
