import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AiGatewayCheckCard, FeaturesAddons } from './CustomerSettings';
import type { FeaturesView } from '../customerFeatures';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const view: FeaturesView = {
  accountId: 'customer:cornershop',
  features: {
    customerPortalEnabled: true,
    knowledgeBase: false,
    phoneNumbers: false,
    integration: false,
    integrationApps: [],
    myDocsAndMedia: false,
    apiAccess: false,
    apiKeysVisible: false,
    aiGatewayVisible: false,
    showPricing: true,
  },
  locked: [
    { field: 'apiKeysVisible', reason: 'API Keys visibility needs API Access on' },
    { field: 'aiGatewayVisible', reason: 'AI Gateway needs AI credits enabled' },
  ],
  aiCredits: null,
};

describe('the Features & Add-ons panel', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('R4 and R5: locked toggles are disabled and say why; My Docs & Media is Coming Soon', () => {
    render(<FeaturesAddons accountId="customer:cornershop" view={view} onSaved={() => {}} />);

    expect(screen.getByRole('switch', { name: 'API Keys menu visibility' })).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'AI Gateway menu visibility' })).toHaveAccessibleDescription(
      'Locked: AI Gateway needs AI credits enabled.',
    );
    expect(screen.getByRole('switch', { name: 'Knowledge Base' })).toBeEnabled();
    expect(screen.getByText('Coming Soon')).toBeInTheDocument();
  });

  it('sends the whole set of toggles with the one changed', async () => {
    const fetch = vi.fn(async () => answer(200, view));
    vi.stubGlobal('fetch', fetch);
    const saved = vi.fn();
    render(<FeaturesAddons accountId="customer:cornershop" view={view} onSaved={saved} />);

    await userEvent.click(screen.getByRole('switch', { name: 'Phone Numbers' }));

    await waitFor(() => expect(saved).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/portal/partner/customers/customer%3Acornershop/features');
    expect(JSON.parse(String(init.body))).toEqual({ ...view.features, phoneNumbers: true });
  });

  it('R5: the access check names the condition that fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        answer(200, {
          visible: false,
          failing: 'AI_CREDITS',
          explanation: 'Not met: AI Credits Enabled is on for that customer',
          checks: [
            { condition: 'PORTAL_ACCESS', label: 'Customer portal access is enabled', met: true },
            { condition: 'AI_CREDITS', label: 'AI Credits Enabled is on for that customer', met: false },
          ],
        }),
      ),
    );
    render(<AiGatewayCheckCard accountId="customer:cornershop" version={0} />);

    await userEvent.click(screen.getByRole('button', { name: 'Check AI Gateway access' }));

    expect(await screen.findByTestId('ai-gateway-verdict')).toHaveTextContent('Not met: AI Credits Enabled');
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent('AI Credits Enabled is on for that customer (not met)');
  });
});
