import { describe, expect, it } from 'vitest';
import { parseClipboard, pastedInput } from '../../renderer/features/grid/paste.ts';
import type { Scoring } from '../../shared/framework/types.ts';

const timeliness: Scoring = {
  kind: 'timeliness',
  tiers: [
    { key: 'on_time', label: 'Đúng hạn', points: '1' },
    { key: 'late', label: 'Trễ hạn', points: '0.5' },
    { key: 'none', label: 'Không thực hiện', points: '0' },
  ],
};

describe('a block pasted from a spreadsheet', () => {
  it('splits tab-separated rows, dropping the trailing newline Excel adds', () => {
    expect(parseClipboard('1\t0,5\r\n12/15\t\r\n')).toEqual([
      ['1', '0,5'],
      ['12/15', ''],
    ]);
    expect(parseClipboard('"Đạt"')).toEqual([['Đạt']]);
  });

  it('reads each cell as its kind does, and says why it cannot', () => {
    expect(pastedInput({ kind: 'tick' }, '0.5', '0,5')).toEqual({ kind: 'input', input: { met: true } });
    expect(pastedInput({ kind: 'tick' }, '0.5', 'Không đạt')).toEqual({ kind: 'input', input: { met: false } });
    expect(pastedInput({ kind: 'tick' }, '0.5', '0,25')).toEqual({
      kind: 'refused',
      message: 'Không có mức nào bằng 0,25 điểm.',
    });
    expect(pastedInput(timeliness, '1', '0,5')).toEqual({ kind: 'input', input: { tier: 'late' } });
    expect(pastedInput(timeliness, '1', 'đúng hạn')).toEqual({ kind: 'input', input: { tier: 'on_time' } });
    expect(pastedInput(timeliness, '1', 'abc')).toEqual({ kind: 'refused', message: 'Không đọc được “abc”.' });
    expect(pastedInput({ kind: 'proportional' }, '2', '1.632/3.200')).toEqual({
      kind: 'input',
      input: { a: '1632', b: '3200' },
    });
    expect(pastedInput({ kind: 'proportional' }, '2', '1,5').kind).toBe('refused');
    expect(pastedInput({ kind: 'count', tiers: [], otherwise: '0' }, '1', '3')).toEqual({
      kind: 'input',
      input: { count: '3' },
    });
    expect(pastedInput({ kind: 'tick' }, '1', '  ')).toEqual({ kind: 'skip' });
    expect(pastedInput({ kind: 'survey', source: 'sipas' }, '10', '5').kind).toBe('refused');
  });
});
