import { aboveReserve, formatCredits, formatSigned, formatUsd, parseCredits, parseUsd, quickBuyCredits } from './money';

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

describe('US dollar prices in whole cents', () => {
  it('formats cents without floating point, thousands grouped', () => {
    expect(formatUsd(123450)).toBe('$1,234.50');
    expect(formatUsd(5n)).toBe('$0.05');
    expect(formatUsd('900719925474099312')).toBe('$9,007,199,254,740,993.12');
  });

  it('reads dollars a person typed into cents, refusing what it cannot read', () => {
    expect(parseUsd('12.5')).toBe(1250n);
    expect(parseUsd('$1,000')).toBe(100000n);
    expect(() => parseUsd('1.005')).toThrow(/at most 2 decimals/);
    expect(() => parseUsd('0')).toThrow(/above zero/);
    expect(() => parseUsd('-3')).toThrow();
  });

  it('R16: Quick Buy gives 100 platform credits per dollar', () => {
    expect(quickBuyCredits(100n)).toBe(100_000_000n);
    expect(quickBuyCredits(parseUsd('10'))).toBe(1_000_000_000n);
  });
});
