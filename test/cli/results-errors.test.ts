/** Data and usage errors of `results`: coded, Vietnamese, on stderr, nothing on stdout. */
import { afterAll, describe, expect, it } from 'vitest';
import { DISTRICTS_CSV, cli, summaries, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const HEADER = 'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas';
const OK_ROW = 'Sở Tư pháp,department,95,60,14,14';

async function fails(args: string[], code: string, exit = 1) {
  const r = await cli(...args);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(exit);
  expect(r.stderr.startsWith(`${code}: `), r.stderr).toBe(true);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return r.stderr;
}

describe('data errors name the file, the row and the column (exit 1)', () => {
  it('missing column', async () => {
    const p = tmp.file(
      'missing.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc\nSở Tư pháp,department,95,60,14\n',
    );
    const err = await fails(['results', '--summary', p], 'SUMMARY_MISSING_COLUMN');
    expect(err).toContain('Tệp missing.csv, dòng 1');
    expect(err).toContain('"survey_sipas"');
  });

  it('not a number: the example message, word for word', async () => {
    const p = tmp.file('summary.csv', `${HEADER}\n${OK_ROW}\n\nSở Y tế,department,95,abc,14,14\n`);
    const err = await fails(['results', '--summary', p], 'SUMMARY_NOT_A_NUMBER');
    expect(err).toBe('SUMMARY_NOT_A_NUMBER: Tệp summary.csv, dòng 4, cột "self_assessed": "abc" không phải là số.\n');
  });

  it('not a number under a Vietnamese header names that header; an empty cell is not a number either', async () => {
    const p = tmp.file(
      'vi.csv',
      `Đơn vị,Nhóm,Điểm chuẩn tối đa,Điểm tự đánh giá,Khảo sát CBCCVC,Chỉ số SIPAS\n${OK_ROW}\nSở Y tế,department,95,60,"14,5,1",14\n`,
    );
    const err = await fails(['results', '--summary', p], 'SUMMARY_NOT_A_NUMBER');
    expect(err).toContain('Tệp vi.csv, dòng 3, cột "Khảo sát CBCCVC": "14,5,1"');
    const e = tmp.file('empty-cell.csv', `${HEADER}\nSở Y tế,department,95,60,14,\n`);
    expect(await fails(['results', '--summary', e], 'SUMMARY_NOT_A_NUMBER')).toContain('dòng 2, cột "survey_sipas"');
  });

  it('unknown group', async () => {
    const p = tmp.file('group.csv', `${HEADER}\n${OK_ROW}\nSở Y tế,ministry,95,60,14,14\n`);
    const err = await fails(['results', '--summary', p], 'SUMMARY_UNKNOWN_GROUP');
    expect(err).toContain('Tệp group.csv, dòng 3, cột "group": "ministry"');
  });

  it('duplicate unit in the same file (ignoring case and spacing)', async () => {
    const p = tmp.file('dup.csv', `${HEADER}\n${OK_ROW}\n"sở  tư pháp ",department,95,61,14,14\n`);
    const err = await fails(['results', '--summary', p], 'SUMMARY_DUPLICATE_UNIT');
    expect(err).toContain('Tệp dup.csv, dòng 3, cột "unit"');
    expect(err).toContain('dòng 2');
  });

  it('duplicate unit across files', async () => {
    const a = tmp.file('a.csv', `${HEADER}\n${OK_ROW}\n`);
    const b = tmp.file(
      'b.csv',
      `Tên đơn vị,Khối,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nSở Y tế,department,95,60,14,14\n${OK_ROW}\n`,
    );
    const err = await fails(['results', ...summaries(a, b)], 'SUMMARY_DUPLICATE_UNIT');
    expect(err).toContain('Tệp b.csv, dòng 3, cột "Tên đơn vị"');
    expect(err).toContain('tệp a.csv, dòng 2');
  });

  it('missing, unreadable or unsupported file', async () => {
    const err = await fails(
      ['results', ...summaries(DISTRICTS_CSV, `${tmp.dir}/khong-co.csv`)],
      'SUMMARY_FILE_UNREADABLE',
    );
    expect(err).toContain('khong-co.csv');
    expect(await fails(['results', '--summary', `${tmp.dir}/`], 'SUMMARY_UNSUPPORTED_FORMAT')).toBeTruthy();
    const xls = tmp.file('old.xls', 'x');
    expect(await fails(['results', '--summary', xls], 'SUMMARY_UNSUPPORTED_FORMAT')).toContain('old.xls');
    const bad = tmp.file('bad.xlsx', 'not a zip');
    expect(await fails(['results', '--summary', bad], 'SUMMARY_FILE_UNREADABLE')).toContain('bad.xlsx');
    const latin1 = tmp.file('latin1.csv', new Uint8Array([0x75, 0x6e, 0x69, 0x74, 0x0a, 0x53, 0xf6, 0x0a]));
    expect(await fails(['results', '--summary', latin1], 'SUMMARY_FILE_UNREADABLE')).toContain('UTF-8');
  });

  it('empty unit name, negative number, zero benchmark', async () => {
    const e = tmp.file('noname.csv', `${HEADER}\n${OK_ROW}\n  ,department,95,60,14,14\n`);
    expect(await fails(['results', '--summary', e], 'SUMMARY_EMPTY_UNIT')).toContain(
      'Tệp noname.csv, dòng 3, cột "unit"',
    );
    const n = tmp.file('neg.csv', `${HEADER}\nSở Y tế,department,95,-1,14,14\n`);
    expect(await fails(['results', '--summary', n], 'SUMMARY_NEGATIVE_NUMBER')).toContain(
      'Tệp neg.csv, dòng 2, cột "self_assessed"',
    );
    const z = tmp.file('zero.csv', `${HEADER}\nSở Y tế,department,"0,00",60,14,14\n`);
    expect(await fails(['results', '--summary', z], 'SUMMARY_ZERO_BENCHMARK')).toContain(
      'Tệp zero.csv, dòng 2, cột "benchmark_max"',
    );
  });

  it('malformed CSV: an unquoted decimal comma shifting the columns, an unclosed quote', async () => {
    const s = tmp.file('shift.csv', `${HEADER}\nSở Y tế,department,95,60,14,14,5\n`);
    expect(await fails(['results', '--summary', s], 'SUMMARY_CSV_MALFORMED')).toContain(
      'Tệp shift.csv, dòng 2, cột thứ 7',
    );
    const q = tmp.file('quote.csv', `${HEADER}\n${OK_ROW}\n"Sở Y tế,department,95,60,14,14\n`);
    expect(await fails(['results', '--summary', q], 'SUMMARY_CSV_MALFORMED')).toContain('Tệp quote.csv, dòng 3');
  });

  it('a file with a header only, or empty', async () => {
    const h = tmp.file('header-only.csv', `${HEADER}\n\n`);
    expect(await fails(['results', '--summary', h], 'SUMMARY_NO_UNITS')).toContain('header-only.csv');
    const e = tmp.file('empty.csv', '');
    expect(await fails(['results', '--summary', e], 'SUMMARY_EMPTY_FILE')).toContain('empty.csv');
  });
});

describe('usage (exit 2) and help (exit 0)', () => {
  it('--help prints the usage in Vietnamese on stdout', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    expect(top.stderr).toBe('');
    expect(top.stdout).toContain('Cách dùng');
    expect(top.stdout).toContain('results');
    const sub = await cli('results', '--help');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--summary');
    expect(sub.stdout).toContain('--precision');
  });

  it('no command, unknown command, unknown option, missing --summary, bad --format or --precision', async () => {
    await fails([], 'CLI_USAGE', 2);
    expect(await fails(['tinh-diem'], 'CLI_UNKNOWN_COMMAND', 2)).toContain('tinh-diem');
    expect(await fails(['results', '--summry', DISTRICTS_CSV], 'CLI_USAGE', 2)).toContain('--summry');
    await fails(['results'], 'CLI_USAGE', 2);
    await fails(['results', '--summary'], 'CLI_USAGE', 2);
    await fails(['results', '--summary', DISTRICTS_CSV, '--format', 'xml'], 'CLI_USAGE', 2);
    await fails(['results', '--summary', DISTRICTS_CSV, '--precision', '-1'], 'CLI_USAGE', 2);
    await fails(['results', '--summary', DISTRICTS_CSV, '--precision', 'hai'], 'CLI_USAGE', 2);
    await fails(['results', '--summary', DISTRICTS_CSV, 'extra'], 'CLI_USAGE', 2);
    await fails(['results', '--summary', DISTRICTS_CSV, '--cycle', '2023'], 'CLI_USAGE', 2);
  });
});
