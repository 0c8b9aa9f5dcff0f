import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdjustmentForm } from './CustomerManage';
import { groupByTier, tierLabel } from './CustomerGateway';
import { matches } from './Customers';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

describe('the Credits panel forms (R13)', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('refuses an amount it cannot read, next to the amount, without asking the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<AdjustmentForm accountId="customer:bistro" kind="add" onDone={() => {}} />);

    await userEvent.type(screen.getByLabelText('Amount (credits)'), '12.3456789');
    await userEvent.type(screen.getByLabelText('Note'), 'top up');
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));

    expect(screen.getByLabelText('Amount (credits)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/at most 6 decimals/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows a refusal next to the field the problem body names', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(400, { code: 'INVALID_TEXT', detail: 'The note must be a single line.', field: 'note' })),
    );
    render(<AdjustmentForm accountId="customer:bistro" kind="deduct" onDone={() => {}} />);

    await userEvent.type(screen.getByLabelText('Amount (credits)'), '5');
    await userEvent.type(screen.getByLabelText('Reason'), 'refund');
    await userEvent.click(screen.getByRole('button', { name: 'Deduct credits' }));

    const reason = screen.getByLabelText('Reason');
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(reason).toHaveAccessibleDescription('The note must be a single line.');
  });

  it('sends the amount in micro-credits with a command id, and reports the new balance', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      answer(200, { commandId: 'c', outcome: 'ACCEPTED', balanceUcr: 823_750_000 }),
    );
    vi.stubGlobal('fetch', fetch);
    const done = vi.fn();
    render(<AdjustmentForm accountId="customer:bistro" kind="add" onDone={done} />);

    await userEvent.type(screen.getByLabelText('Amount (credits)'), '100');
    await userEvent.type(screen.getByLabelText('Note'), 'Monthly package');
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));

    await waitFor(() => expect(done).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/portal/partner/customers/customer%3Abistro/credits');
    const body = JSON.parse(init.body as string);
    expect(body).toMatchObject({ amountUcr: 100_000_000, note: 'Monthly package' });
    expect(Object.keys(body).sort()).toEqual(['amountUcr', 'commandId', 'note']);
    expect(screen.getByRole('status')).toHaveTextContent('New balance: 823.75 credits');
    expect(screen.getByLabelText('Amount (credits)')).toHaveValue('');
  });
});

describe('lists', () => {
  it('groups models budget, mid tier, premium', () => {
    const groups = groupByTier([
      { model: 'big', tier: 'PREMIUM' },
      { model: 'small', tier: 'BUDGET' },
      { model: 'mid', tier: 'MID' },
    ]);
    expect(groups.map(([tier]) => tierLabel(tier))).toEqual(['Budget', 'Mid tier', 'Premium']);
  });

  it('finds customers by name or account id, ignoring case', () => {
    const bistro = {
      accountId: 'customer:bistro',
      displayName: 'Bistro',
      kind: 'CUSTOMER',
      partnerId: 'acme',
      aiCreditsEnabled: true,
      balanceUcr: 1n,
      reservedUcr: 0n,
      lowCreditThresholdUcr: null,
      lastUpdated: null,
    };
    expect(matches(bistro, 'BIS')).toBe(true);
    expect(matches(bistro, 'customer:b')).toBe(true);
    expect(matches(bistro, 'corner')).toBe(false);
  });
});
