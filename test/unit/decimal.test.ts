import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  deserialize,
  div,
  fromNumber,
  parseDecimal,
  rat,
  roundHalfUpScaled,
  serialize,
  sum,
  toRational,
} from '../../shared/decimal/rational.ts';
import {
  exactDecimalText,
  fixedDecimalText,
  roundedDecimalText,
  scaledDecimalText,
  scaledFromDecimalText,
  terminatingDecimalText,
} from '../../shared/decimal/text.ts';

const d = (s: string) => parseDecimal(s)!;

describe('exact rationals', () => {
  it('parses decimals exactly, with dot or comma', () => {
    expect(d('17.5')).toEqual(rat(35, 2));
    expect(d('-0,25')).toEqual(rat(-1, 4));
    expect(d('3')).toEqual(rat(3));
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('takes a JS number at its shortest decimal spelling', () => {
    expect(fromNumber(0.1)).toEqual(rat(1, 10));
    expect(fromNumber(76.195)).toEqual(rat(76195, 1000));
    expect(fromNumber(1e-7)).toEqual(rat(1, 10_000_000));
    expect(fromNumber(1.5e21)).toEqual(rat(1500000000000000000000n));
    expect(toRational('x')).toBeNull();
    expect(toRational(Number.NaN)).toBeNull();
  });

  it('adds 0.1 + 0.2 to exactly 0.3', () => {
    expect(add(d('0.1'), d('0.2'))).toEqual(d('0.3'));
    expect(sum([d('51.34'), d('13.13'), d('14.34')])).toEqual(d('78.81'));
  });

  it('rounds half up on the decimal value, not the binary one', () => {
    // 76.195 as a double is 76.19499999…; the decimal value publishes as 76.20
    expect((76.195).toFixed(2)).toBe('76.19');
    expect(fixedDecimalText(d('76.195'), 2)).toBe('76.20');
    expect(fixedDecimalText(div(add(d('76.19'), d('76.20')), rat(2)), 2)).toBe('76.20');
    expect(fixedDecimalText(d('79.995'), 2)).toBe('80.00');
    expect(fixedDecimalText(d('79.9949999'), 2)).toBe('79.99');
    expect(fixedDecimalText(d('-1.005'), 2)).toBe('-1.01');
    expect(roundHalfUpScaled(rat(2, 3), 2)).toBe(67n);
    expect(fixedDecimalText(rat(1, 3), 0)).toBe('0');
  });

  it('compares and serialises exactly', () => {
    expect(cmp(rat(1, 3), d('0.3333333333333333'))).toBe(1);
    const r = div(rat(595634), rat(596864));
    expect(deserialize(serialize(r))).toEqual(r);
    expect(deserialize('17.5')).toEqual(rat(35, 2));
    expect(() => deserialize('x/y')).toThrow();
    expect(() => div(rat(1), rat(0))).toThrow();
  });
});

describe('decimal text', () => {
  it('spells a scaled integer, a fixed, a rounded and a terminating value', () => {
    expect(scaledDecimalText(8384n, 2)).toBe('83.84');
    expect(scaledDecimalText(-5n, 2)).toBe('-0.05');
    expect(scaledDecimalText(94n, 0)).toBe('94');
    expect(fixedDecimalText(rat(94), 2)).toBe('94.00');
    expect(roundedDecimalText(d('17.50'), 2)).toBe('17.5');
    expect(roundedDecimalText(rat(2, 3), 6)).toBe('0.666667');
    expect(roundedDecimalText(d('0.0000001'), 6)).toBe('0');
    expect(terminatingDecimalText(d('14.82'))).toBe('14.82');
    expect(terminatingDecimalText(rat(1, 3))).toBeNull();
    expect(terminatingDecimalText(d('0.1234567890123'), 12)).toBeNull();
    expect(terminatingDecimalText(d('0.1234567890123'))).toBe('0.1234567890123');
    expect(exactDecimalText(rat(2, 3))).toBe('0.666667');
    expect(exactDecimalText(rat(94), 2)).toBe('94.00');
  });

  it('reads decimal text back to a scaled integer, half up', () => {
    expect(scaledFromDecimalText('83.84', 2)).toBe(8384n);
    expect(scaledFromDecimalText('-1.255', 2)).toBe(-126n);
    expect(scaledFromDecimalText('7', 2)).toBe(700n);
    expect(() => scaledFromDecimalText('7,5', 2)).toThrow(RangeError);
  });
});
