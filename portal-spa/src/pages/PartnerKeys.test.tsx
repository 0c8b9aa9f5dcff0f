import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateKeyModal } from './PartnerKeys';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const models = [
  { model: 'gpt-4o', tier: 'PREMIUM' },
  { model: 'gpt-4o-mini', tier: 'BUDGET' },
];

describe('the Create Key modal (R10)', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('groups the tier models, shows the total with the platform fee, and creates the key', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/models')) return answer(200, models);
      if (url.endsWith('/api/portal/partner/customers')) return answer(200, []);
      if (url.endsWith('/budget-preview')) {
        return answer(200, { tier: 'GROWTH', budgetUcr: 200_000_000, platformFeePercent: 10, platformFeeUcr: 20_000_000, totalUcr: 220_000_000 });
      }
      return answer(201, { ...JSON.parse(String(init?.body)), keyId: 'pk-1', prefix: 'llk_1', status: 'ACTIVE', secret: 'llk_secret' });
    });
    vi.stubGlobal('fetch', fetch);
    const created = vi.fn();
    render(<CreateKeyModal onClose={() => {}} onCreated={created} />);

    const headings = await screen.findAllByText(/Budget|Premium/, { selector: '.tier-heading' });
    expect(headings.map((h) => h.textContent)).toEqual(['Budget', 'Premium']);
    await userEvent.type(screen.getByLabelText('Key Name'), 'Bot');
    await userEvent.type(screen.getByLabelText('Budget (credits)'), '200');
    expect(await screen.findByTestId('budget-total')).toHaveTextContent('Total required: 220.00 credits');
    await userEvent.click(screen.getByRole('checkbox', { name: 'gpt-4o-mini' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create Key' }));

    await waitFor(() => expect(created).toHaveBeenCalled());
    const create = fetch.mock.calls.find(([url, init]) => url.endsWith('/keys') && init?.method === 'POST');
    const sent = JSON.parse(String(create?.[1]?.body));
    expect(sent).toMatchObject({ name: 'Bot', budgetUcr: 200_000_000, allowedModels: ['gpt-4o-mini'] });
    expect(sent.commandId).toBeTruthy();
    expect(created.mock.calls[0][0].secret).toBe('llk_secret');
  });

  it('refuses a key without a model next to the models, without asking the server to create it', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/models') ? answer(200, models) : url.endsWith('/budget-preview') ? answer(503, { code: 'DOWNSTREAM_UNAVAILABLE' }) : answer(200, []),
    );
    vi.stubGlobal('fetch', fetch);
    render(<CreateKeyModal onClose={() => {}} onCreated={() => {}} />);

    await userEvent.type(screen.getByLabelText('Key Name'), 'Bot');
    await userEvent.type(screen.getByLabelText('Budget (credits)'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Create Key' }));

    expect(await screen.findByText('Choose at least one model.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/keys'))).toBe(false);
  });
});
