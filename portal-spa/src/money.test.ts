import { aboveReserve, formatCredits, formatSigned, parseCredits } from './money';

describe('money', () => {
  it('formats micro-credits with 2 to 6 decimals and thousands separators', () => {
    expect(formatCredits(1_234_500_000n)).toBe('1,234.50');
    expect(formatCredits(1n)).toBe('0.000001');
    expect(formatCredits(0n)).toBe('0.00');
    expect(formatCredits(-3_000_000n)).toBe('−3.00');
    expect(formatCredits(123_456_789_012_345_678n)).toBe('123,456,789,012.345678');
  });

  it('signs history amounts', () => {
    expect(formatSigned(12_500_000n)).toBe('+12.50');
    expect(formatSigned(-12_500_000n)).toBe('−12.50');
  });

  it('parses what a person types into micro-credits, exactly', () => {
    expect(parseCredits('12.5')).toBe(12_500_000n);
    expect(parseCredits(' 1,000 ')).toBe(1_000_000_000n);
    expect(parseCredits('0.000001')).toBe(1n);
    expect(parseCredits('999999999999.999999')).toBe(999_999_999_999_999_999n);
  });

  it.each(['', 'abc', '-5', '1.2345678', '1e3', '0', '0.000000'])('refuses %j with a message', (text) => {
    expect(() => parseCredits(text)).toThrow(/amount/i);
  });

  it('tells how far a balance is above the 1,000-credit reserve', () => {
    expect(aboveReserve(1_500_000_000n)).toBe(500_000_000n);
    expect(aboveReserve(900_000_000n)).toBe(-100_000_000n);
  });
});
