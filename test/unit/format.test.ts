import { describe, expect, it } from 'vitest';
import { parseDecimal, rat } from '../../shared/decimal/rational.ts';
import {
  formatIsoDate,
  formatNumber,
  formatPercent,
  formatPoints,
  formatRational,
  formatScaled,
  parseViNumber,
  placeDateLine,
} from '../../shared/format/vi.ts';

describe('vi-VN formats', () => {
  it('writes a decimal comma and dots for thousands, half up on the decimal value', () => {
    expect(formatPercent(parseDecimal('83.84')!)).toBe('83,84%');
    expect(formatNumber(1889, 0)).toBe('1.889');
    expect(formatNumber(595634, 0)).toBe('595.634');
    expect(formatNumber(76.195)).toBe('76,20');
    expect(formatRational(rat(2, 3), 2)).toBe('0,67');
    expect(formatRational(parseDecimal('-1234567.891')!, 2)).toBe('-1.234.567,89');
    expect(formatScaled(8384n, 2)).toBe('83,84');
    expect(formatScaled(5n, 2)).toBe('0,05');
  });

  it('shows points with only the decimals they need', () => {
    expect(formatPoints(17.5)).toBe('17,5');
    expect(formatPoints(11)).toBe('11');
    expect(formatPoints(rat(1, 3))).toBe('0,33');
  });

  it('writes dates as dd/mm/yyyy and the place-and-date line of Decree 30', () => {
    expect(formatIsoDate('2024-03-05')).toBe('05/03/2024');
    expect(formatIsoDate('2024-03-05T08:00:00Z')).toBe('05/03/2024');
    expect(placeDateLine('Sóc Trăng', 2024, 3, 15)).toBe('Sóc Trăng, ngày 15 tháng 3 năm 2024');
    expect(placeDateLine('Sóc Trăng', 2024, 2, 5)).toBe('Sóc Trăng, ngày 05 tháng 02 năm 2024');
    expect(placeDateLine('Sóc Trăng', 2024, 12, 31)).toBe('Sóc Trăng, ngày 31 tháng 12 năm 2024');
  });

  it('reads numbers typed either way', () => {
    expect(parseViNumber('1.234,56')).toBe('1234.56');
    expect(parseViNumber('83,84%')).toBe('83.84');
    expect(parseViNumber('94.00')).toBe('94.00');
    expect(parseViNumber(' 7 ')).toBe('7');
    expect(parseViNumber('1,2,3')).toBeNull();
    expect(parseViNumber('abc')).toBeNull();
  });
});
