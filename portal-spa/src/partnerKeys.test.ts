import {
  FormProblem,
  createKeyBody,
  emptyCreateKeyForm,
  multiplierLabel,
  parseDomains,
  parseUsdCents,
  quickStart,
  rateLimitLabel,
  spentPercent,
} from './partnerKeys';

const today = new Date('2026-12-01T00:00:00Z');

describe('the partner key form (R10)', () => {
  it('sends the budget in micro-credits, auto top-up in cents and the customer to bill', () => {
    const body = createKeyBody(
      {
        ...emptyCreateKeyForm,
        name: ' Support bot ',
        budget: '250.5',
        models: ['gpt-4o-mini'],
        billCustomer: true,
        customerAccountId: 'customer:bistro',
        profitMultiplierPercent: '150',
        aiCreditPriceCents: '1.5',
        autoTopUp: true,
        autoTopUpThresholdUsd: '10',
        autoTopUpAmountUsd: '50.25',
        allowedDomains: 'Example.com\n app.example.com',
        requestsPerMinute: '60',
        expiresOn: '2027-06-30',
      },
      'cmd-1',
      today,
    );

    expect(body).toEqual({
      commandId: 'cmd-1',
      name: 'Support bot',
      budgetUcr: 250_500_000n,
      allowedModels: ['gpt-4o-mini'],
      customerBilling: {
        accountId: 'customer:bistro',
        profitMultiplierPercent: 150,
        aiCreditPriceCents: '1.5',
        minCostFloorPerMillionTokensUcr: null,
      },
      autoTopUp: { thresholdUsdCents: 1000, amountUsdCents: 5025 },
      allowedDomains: ['example.com', 'app.example.com'],
      requestsPerMinute: 60,
      expiresAt: '2027-06-30T23:59:59.000Z',
    });
  });

  it('names the field it cannot read, before asking the server', () => {
    const base = { ...emptyCreateKeyForm, name: 'x', budget: '10', models: ['m'] };
    const fieldOf = (form: typeof base) => {
      try {
        createKeyBody(form, 'c', today);
        return null;
      } catch (e) {
        return (e as FormProblem).field;
      }
    };
    expect(fieldOf({ ...base, budget: '0' })).toBe('budgetUcr');
    expect(fieldOf({ ...base, models: [] })).toBe('allowedModels');
    expect(fieldOf({ ...base, billCustomer: true })).toBe('customerBilling.accountId');
    expect(fieldOf({ ...base, billCustomer: true, customerAccountId: 'customer:a', aiCreditPriceCents: '0' })).toBe(
      'customerBilling.aiCreditPriceCents',
    );
    expect(fieldOf({ ...base, autoTopUp: true, autoTopUpThresholdUsd: '1.999', autoTopUpAmountUsd: '5' })).toBe(
      'autoTopUp.thresholdUsdCents',
    );
    expect(fieldOf({ ...base, requestsPerMinute: '-1' })).toBe('requestsPerMinute');
    expect(fieldOf({ ...base, expiresOn: '2026-11-30' })).toBe('expiresAt');
    expect(fieldOf(base)).toBeNull();
  });

  it('reads dollars to whole cents without floating point', () => {
    expect(parseUsdCents('0.29')).toBe(29);
    expect(parseUsdCents('1,000.10')).toBe(100_010);
    expect(() => parseUsdCents('0')).toThrow(/above zero/);
    expect(parseDomains(' a.com, B.com\n\n')).toEqual(['a.com', 'b.com']);
  });
});

describe('the partner keys table (R11)', () => {
  it('shows spend against budget as a whole percent, capped at 100', () => {
    expect(spentPercent({ budgetUcr: 100_000_000n, spentUcr: 12_500_000n })).toBe(12);
    expect(spentPercent({ budgetUcr: 1n, spentUcr: 5n })).toBe(100);
    expect(spentPercent({ budgetUcr: null, spentUcr: 5n })).toBe(0);
  });

  it('labels multipliers and rate limits as a person reads them', () => {
    expect(multiplierLabel(150)).toBe('1.5×');
    expect(multiplierLabel(205)).toBe('2.05×');
    expect(multiplierLabel(null)).toBe('—');
    expect(rateLimitLabel({ requestsPerMinute: 60, tokensPerMinute: 0 })).toBe('60 requests/min');
    expect(rateLimitLabel({ requestsPerMinute: 0, tokensPerMinute: 0 })).toBe('No limits');
  });
});

describe('the quick start', () => {
  it('puts the gateway base URL in every snippet', () => {
    const url = 'https://gateway.example/v1';
    expect(quickStart('python', url)).toContain(`base_url="${url}"`);
    expect(quickStart('node', url)).toContain(`baseURL: '${url}'`);
    expect(quickStart('curl', url)).toContain(`curl ${url}/chat/completions`);
  });
});
