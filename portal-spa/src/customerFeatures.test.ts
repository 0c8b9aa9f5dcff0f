import { aiCreditsBody, aiCreditsForm, lockOf, parseApps, withToggle, type Features, type FeaturesView } from './customerFeatures';

const features: Features = {
  customerPortalEnabled: true,
  knowledgeBase: false,
  phoneNumbers: false,
  integration: true,
  integrationApps: ['HubSpot'],
  myDocsAndMedia: false,
  apiAccess: true,
  apiKeysVisible: true,
  aiGatewayVisible: false,
  showPricing: true,
};

describe('Features & Add-ons (R2-R6)', () => {
  it('R4: switching API Access off takes API Keys visibility with it', () => {
    const next = withToggle(features, 'apiAccess', false);
    expect(next.apiAccess).toBe(false);
    expect(next.apiKeysVisible).toBe(false);
    expect(withToggle(features, 'knowledgeBase', true)).toEqual({ ...features, knowledgeBase: true });
  });

  it('R5 and R6: shows the reason the server gives for a locked toggle', () => {
    const view: FeaturesView = {
      accountId: 'customer:bistro',
      features,
      locked: [{ field: 'showPricing', reason: 'Show Pricing stays off while AI credits are enabled' }],
      aiCredits: null,
    };
    expect(lockOf(view, 'showPricing')).toMatch(/AI credits/);
    expect(lockOf(view, 'aiGatewayVisible')).toBeNull();
  });

  it('R2: reads the allowed integration apps once each', () => {
    expect(parseApps('HubSpot\n Zapier, HubSpot\n\n')).toEqual(['HubSpot', 'Zapier']);
  });
});

describe('AI Credit Management (R13)', () => {
  it('round-trips the ledger settings through the form in micro-credits', () => {
    const form = aiCreditsForm({
      enabled: true,
      pricePerMinuteUcr: 150_000n,
      graceSeconds: 300,
      lowCreditThresholdUcr: 100_000_000n,
      lowCreditNotifications: false,
    });
    expect(form.pricePerMinute).toBe('0.15');
    expect(aiCreditsBody(form, 'c-1')).toEqual({
      commandId: 'c-1',
      enabled: true,
      pricePerMinuteUcr: 150_000n,
      graceSeconds: 300,
      lowCreditThresholdUcr: 100_000_000n,
      lowCreditNotifications: false,
    });
  });

  it('names the field it cannot read', () => {
    const form = aiCreditsForm(null);
    const causeOf = (f: typeof form) => {
      try {
        aiCreditsBody(f, 'c');
        return null;
      } catch (e) {
        return (e as Error).cause;
      }
    };
    expect(causeOf({ ...form, graceSeconds: '-5' })).toBe('graceSeconds');
    expect(causeOf({ ...form, pricePerMinute: '1.1234567' })).toBe('pricePerMinuteUcr');
    expect(causeOf({ ...form, pricePerMinute: '0', lowCreditThreshold: '' })).toBeNull();
  });
});
