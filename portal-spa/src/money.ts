// Credits are integers of micro-credits (1 credit = 1,000,000 µcr). Everything here is BigInt or
// string arithmetic: a floating-point number never holds an amount of money.
const UCR_PER_CREDIT = 1_000_000n;
const DECIMALS = 6;

export type Ucr = bigint;

export function toUcr(value: bigint | number | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new Error(`not a whole number of micro-credits: ${value}`);
}

/** "1,234.50" for 1234500000n: at least minDecimals and at most 6 decimals. */
export function formatCredits(value: bigint | number | string, minDecimals = 2): string {
  const ucr = toUcr(value);
  const negative = ucr < 0n;
  const abs = negative ? -ucr : ucr;
  const whole = (abs / UCR_PER_CREDIT).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let fraction = (abs % UCR_PER_CREDIT).toString().padStart(DECIMALS, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '−' : ''}${whole}${fraction ? '.' + fraction : ''}`;
}

/** With an explicit sign, as history amounts are shown: "+12.50", "−3.00". */
export function formatSigned(value: bigint): string {
  return value > 0n ? `+${formatCredits(value)}` : formatCredits(value);
}

/** "12.5" → 12500000n. Throws a message a person can act on. */
export function parseCredits(text: string): bigint {
  const value = String(text ?? '').trim().replace(/,/g, '');
  const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(value);
  if (!match) throw new Error('Enter a positive amount with at most 6 decimals, e.g. 100 or 12.5.');
  const [, whole, fraction = ''] = match;
  const ucr = BigInt(whole) * UCR_PER_CREDIT + BigInt(fraction.padEnd(DECIMALS, '0'));
  if (ucr <= 0n) throw new Error('The amount must be above zero.');
  return ucr;
}

/** Only to place a point on a chart: never shown, never added up. */
export function ucrForGeometry(value: bigint): number {
  return Number(value) / 1e6;
}

/** How far a partner's available credits are above the 1,000-credit self-service reserve (R9). */
export const SELF_SERVICE_RESERVE_UCR = 1_000n * UCR_PER_CREDIT;
export function aboveReserve(availableUcr: bigint): bigint {
  return availableUcr - SELF_SERVICE_RESERVE_UCR;
}

// Prices are whole US cents (billing's priceUsdCents), also kept out of floating point.
const CENTS_PER_DOLLAR = 100n;

function toCents(value: bigint | number | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new Error(`not a whole number of cents: ${value}`);
}

/** "$1,234.50" for 123450 cents. */
export function formatUsd(cents: bigint | number | string): string {
  const value = toCents(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / CENTS_PER_DOLLAR).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % CENTS_PER_DOLLAR).toString().padStart(2, '0');
  return `${negative ? '−' : ''}$${whole}.${fraction}`;
}

/** "12.5" or "$12.50" → 1250n cents. Throws a message a person can act on. */
export function parseUsd(text: string): bigint {
  const value = String(text ?? '').trim().replace(/^\$/, '').replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new Error('Enter a US dollar amount with at most 2 decimals, e.g. 10 or 12.50.');
  const [, whole, fraction = ''] = match;
  const cents = BigInt(whole) * CENTS_PER_DOLLAR + BigInt(fraction.padEnd(2, '0'));
  if (cents <= 0n) throw new Error('The amount must be above zero.');
  return cents;
}

/** Quick Buy's rate: 100 platform credits per US dollar, so one credit per cent. */
export const UCR_PER_QUICK_BUY_CENT = UCR_PER_CREDIT;
export function quickBuyCredits(cents: bigint): bigint {
  return cents * UCR_PER_QUICK_BUY_CENT;
}
