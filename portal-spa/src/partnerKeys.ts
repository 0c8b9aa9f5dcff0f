// The partner key page's logic (R10, R11): the quick-start snippets, the create form turned into
// the portal's request body, and the figures of a key's row. Money stays BigInt micro-credits;
// auto top-up is whole US cents (1 cent buys 1 platform credit).
import { parseCredits } from './money';

export interface PartnerKey {
  keyId: string;
  customerId: string | null;
  name: string;
  description: string | null;
  prefix: string;
  status: string;
  allowedModels: string[] | null;
  allowedDomains: string[] | null;
  budgetUcr: bigint | null;
  spentUcr: bigint | null;
  remainingUcr: bigint | null;
  reservedUcr: bigint | null;
  platformFeeUcr: bigint | null;
  profitMultiplierPercent: number | null;
  aiCreditPriceUcr: bigint | null;
  minCostFloorPerMillionTokensUcr: bigint | null;
  autoTopUp: { thresholdCents: number; amountCents: number; topUps: number; lastTopUpAt: string | null; lastResult: string | null } | null;
  rateLimits: { requestsPerMinute: number; tokensPerMinute: number } | null;
  expiresAt: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  secret?: string | null;
}

export interface BudgetPreview {
  tier: string;
  budgetUcr: bigint;
  platformFeePercent: number;
  platformFeeUcr: bigint;
  totalUcr: bigint;
}

export interface BillingPreview {
  model: string;
  platformCostUcr: bigint;
  customerChargeAiUcr: bigint;
  customerChargePlatformEquivalentUcr: bigint;
}

export type SnippetLanguage = 'python' | 'node' | 'curl';

/** OpenAI's SDK pattern with the gateway's base URL; the key stays a placeholder. */
export function quickStart(language: SnippetLanguage, baseUrl: string, model = 'gpt-4o-mini'): string {
  const key = 'YOUR_VIRTUAL_KEY';
  switch (language) {
    case 'python':
      return [
        'from openai import OpenAI',
        '',
        `client = OpenAI(api_key="${key}", base_url="${baseUrl}")`,
        'reply = client.chat.completions.create(',
        `    model="${model}",`,
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(reply.choices[0].message.content)',
      ].join('\n');
    case 'node':
      return [
        "import OpenAI from 'openai';",
        '',
        `const client = new OpenAI({ apiKey: '${key}', baseURL: '${baseUrl}' });`,
        'const reply = await client.chat.completions.create({',
        `  model: '${model}',`,
        "  messages: [{ role: 'user', content: 'Hello' }],",
        '});',
        'console.log(reply.choices[0].message.content);',
      ].join('\n');
    case 'curl':
      return [
        `curl ${baseUrl.replace(/\/$/, '')}/chat/completions \\`,
        `  -H "Authorization: Bearer ${key}" \\`,
        '  -H "Content-Type: application/json" \\',
        `  -d '{"model": "${model}", "messages": [{"role": "user", "content": "Hello"}]}'`,
      ].join('\n');
  }
}

/** "10.50" US dollars → 1050 cents. Throws a message a person can act on. */
export function parseUsdCents(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim().replace(/,/g, ''));
  if (!match) throw new Error('Enter dollars with at most 2 decimals, e.g. 10 or 12.50.');
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents <= 0) throw new Error('The amount must be above zero.');
  return cents;
}

/** "150" → 150; blank → null (the gateway's default). */
function wholeNumber(text: string, label: string, max: number): number | null {
  const value = String(text ?? '').trim();
  if (value === '') return null;
  if (!/^\d{1,13}$/.test(value) || Number(value) > max) throw new Error(`${label}: enter a whole number up to ${max}.`);
  return Number(value);
}

/** One domain per line or comma; blank lines dropped, lower-cased. */
export function parseDomains(text: string): string[] {
  return String(text ?? '')
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
}

export interface CreateKeyForm {
  name: string;
  description: string;
  budget: string;
  models: string[];
  billCustomer: boolean;
  customerAccountId: string;
  profitMultiplierPercent: string;
  aiCreditPriceCents: string;
  minCostFloorCredits: string;
  autoTopUp: boolean;
  autoTopUpThresholdUsd: string;
  autoTopUpAmountUsd: string;
  allowedDomains: string;
  requestsPerMinute: string;
  tokensPerMinute: string;
  expiresOn: string;
}

export const emptyCreateKeyForm: CreateKeyForm = {
  name: '',
  description: '',
  budget: '',
  models: [],
  billCustomer: false,
  customerAccountId: '',
  profitMultiplierPercent: '150',
  aiCreditPriceCents: '1',
  minCostFloorCredits: '',
  autoTopUp: false,
  autoTopUpThresholdUsd: '',
  autoTopUpAmountUsd: '',
  allowedDomains: '',
  requestsPerMinute: '',
  tokensPerMinute: '',
  expiresOn: '',
};

/** A form field's problem, named as the portal's problem bodies name fields. */
export class FormProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function at<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new FormProblem(field, e instanceof Error ? e.message : String(e));
  }
}

/** The body of POST /api/portal/partner/gateway/keys, or a FormProblem naming the field. */
export function createKeyBody(form: CreateKeyForm, commandId: string, today: Date = new Date()) {
  const budgetUcr = at('budgetUcr', () => parseCredits(form.budget));
  if (form.models.length === 0) throw new FormProblem('allowedModels', 'Choose at least one model.');
  const body: Record<string, unknown> = {
    commandId,
    name: form.name.trim(),
    budgetUcr,
    allowedModels: form.models,
  };
  if (form.description.trim()) body.description = form.description.trim();
  if (form.billCustomer) {
    if (!form.customerAccountId) throw new FormProblem('customerBilling.accountId', 'Choose the customer to bill.');
    body.customerBilling = {
      accountId: form.customerAccountId,
      profitMultiplierPercent: at('profitMultiplierPercent', () =>
        wholeNumber(form.profitMultiplierPercent, 'Profit multiplier (%)', 100_000),
      ),
      aiCreditPriceCents: at('customerBilling.aiCreditPriceCents', () => centsText(form.aiCreditPriceCents)),
      minCostFloorPerMillionTokensUcr: form.minCostFloorCredits.trim()
        ? at('minCostFloorPerMillionTokensUcr', () => parseCredits(form.minCostFloorCredits))
        : null,
    };
  }
  if (form.autoTopUp) {
    body.autoTopUp = {
      thresholdUsdCents: at('autoTopUp.thresholdUsdCents', () => parseUsdCents(form.autoTopUpThresholdUsd)),
      amountUsdCents: at('autoTopUp.amountUsdCents', () => parseUsdCents(form.autoTopUpAmountUsd)),
    };
  }
  const domains = parseDomains(form.allowedDomains);
  if (domains.length > 0) body.allowedDomains = domains;
  const rpm = at('requestsPerMinute', () => wholeNumber(form.requestsPerMinute, 'Requests per minute', 1_000_000));
  if (rpm != null) body.requestsPerMinute = rpm;
  const tpm = at('tokensPerMinute', () => wholeNumber(form.tokensPerMinute, 'Tokens per minute', 1_000_000_000_000));
  if (tpm != null) body.tokensPerMinute = tpm;
  if (form.expiresOn) {
    const expires = new Date(`${form.expiresOn}T23:59:59Z`);
    if (Number.isNaN(expires.getTime()) || expires.getTime() <= today.getTime()) {
      throw new FormProblem('expiresAt', 'Choose a day in the future.');
    }
    body.expiresAt = expires.toISOString();
  }
  return body;
}

/** "1.5" cents per AI credit, as the gateway reads it. */
export function centsText(text: string): string {
  const value = String(text ?? '').trim();
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(value) || /^[0.]+$/.test(value)) {
    throw new Error('Enter a positive price in cents, e.g. 1 or 1.5.');
  }
  return value;
}

/** How much of the budget is spent, 0-100, for the bar; never from floating-point money. */
export function spentPercent(key: Pick<PartnerKey, 'budgetUcr' | 'spentUcr'>): number {
  const budget = key.budgetUcr ?? 0n;
  const spent = key.spentUcr ?? 0n;
  if (budget <= 0n) return 0;
  const percent = (spent * 100n) / budget;
  return Number(percent > 100n ? 100n : percent < 0n ? 0n : percent);
}

/** "1.5×" for 150%; the gateway's default when the key bills nobody. */
export function multiplierLabel(percent: number | null): string {
  if (percent == null) return '—';
  const whole = Math.trunc(percent / 100);
  const rest = String(percent % 100).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${rest ? '.' + rest : ''}×`;
}

/** "0 means none": the gateway stores no limit as zero. */
export function rateLimitLabel(limits: PartnerKey['rateLimits']): string {
  if (!limits) return 'No limits';
  const parts = [
    limits.requestsPerMinute > 0 ? `${limits.requestsPerMinute.toLocaleString('en-US')} requests/min` : null,
    limits.tokensPerMinute > 0 ? `${limits.tokensPerMinute.toLocaleString('en-US')} tokens/min` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No limits';
}

/** "$12.50" for 1250 cents. */
export function usd(cents: number): string {
  return `$${Math.trunc(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
}
