import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { CustomerBilling } from './CustomerBilling';
import { AddCardForm, readCard } from './PaymentMethods';

function answer(status: number, body: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const plans = [
  { planId: 'plan-starter', name: 'Starter 100', priceUsdCents: 6000, aiCreditsUcr: 100000000, status: 'ACTIVE', interval: null },
  { planId: 'plan-monthly', name: 'Monthly 500', priceUsdCents: 20000, aiCreditsUcr: 500000000, status: 'ACTIVE', interval: 'MONTH' },
];
const visa = { methodId: 'pm-1', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2031, isDefault: true, createdAt: '2026-12-01T10:00:00Z' };

/** A billing API in memory: buying the starter plan adds its credits to the balance. */
function fakeBilling() {
  let balance = 723750000;
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    if (path.endsWith('/payment-methods')) return answer(200, [visa]);
    if (path.endsWith('/credit-plans')) return answer(200, plans);
    if (path.endsWith('/invoices') || path.endsWith('/subscriptions')) return answer(200, []);
    if (path.endsWith('/ai-credits')) {
      return answer(200, {
        accountId: 'customer:bistro',
        balanceUcr: balance,
        reservedUcr: 0,
        subscriptionId: null,
        monthlyAllocationUcr: 0,
        periodStart: '2026-12-01T00:00:00Z',
        periodEnd: '2027-01-01T00:00:00Z',
        usedThisPeriodUcr: 12500000,
        recentTransactions: [],
      });
    }
    if (path.endsWith('/purchases') && method === 'POST') {
      balance += 100000000;
      return answer(202, { purchaseId: 'p-1', status: 'CREDITED', creditsUcr: 100000000, priceUsdCents: 6000 });
    }
    return answer(404, { code: 'NOT_FOUND', detail: 'no such path' });
  });
  return { fetch, calls };
}

describe('Billing & Payments (R17)', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('R16: Purchase Credits offers the visible one-off plans and the balance rises after paying', async () => {
    const billing = fakeBilling();
    vi.stubGlobal('fetch', billing.fetch);
    render(
      <MemoryRouter initialEntries={['/billing?tab=ai-credits']}>
        <CustomerBilling />
      </MemoryRouter>,
    );

    expect(await screen.findByTestId('ai-balance')).toHaveTextContent('723.75');
    await userEvent.click(screen.getByRole('button', { name: 'Purchase Credits' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByLabelText(/Starter 100/));
    expect(within(dialog).queryByText(/Monthly 500/)).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Buy now' }));

    await waitFor(() => expect(screen.getByTestId('ai-balance')).toHaveTextContent('823.75'));
    const buy = billing.calls.find((c) => c.method === 'POST');
    expect(buy?.path).toBe('/api/portal/billing/purchases');
    expect(buy?.body).toMatchObject({ planId: 'plan-starter', paymentMethodId: 'pm-1' });
    expect(screen.getByRole('status')).toHaveTextContent('$60.00');
  });

  it('says the default payment method is charged automatically for new invoices', async () => {
    vi.stubGlobal('fetch', fakeBilling().fetch);
    render(
      <MemoryRouter initialEntries={['/billing?tab=payment-methods']}>
        <CustomerBilling />
      </MemoryRouter>,
    );

    expect(await screen.findByTestId('default-charged')).toHaveTextContent(/charged automatically for new invoices/);
    expect(screen.getByText(/Visa •••• 4242/)).toBeInTheDocument();
  });

  it('refuses a card it cannot read next to each field, without asking the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<AddCardForm onAdded={() => {}} />);

    await userEvent.type(screen.getByLabelText('Card number'), '4242');
    await userEvent.type(screen.getByLabelText('Expiry month'), '13');
    await userEvent.click(screen.getByRole('button', { name: 'Save card' }));

    expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription('Enter the card number: 12 to 19 digits.');
    expect(screen.getByLabelText('Expiry month')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Expiry year')).toHaveAttribute('aria-invalid', 'true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the provider refusing a card next to the card number', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(400, { code: 'INVALID_CARD', detail: 'not a card number', field: 'card.number' })),
    );
    render(<AddCardForm onAdded={() => {}} />);

    await userEvent.type(screen.getByLabelText('Card number'), '4242 4242 4242 4241');
    await userEvent.type(screen.getByLabelText('Expiry month'), '12');
    await userEvent.type(screen.getByLabelText('Expiry year'), '2031');
    await userEvent.click(screen.getByRole('button', { name: 'Save card' }));

    await waitFor(() => expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription('not a card number'));
  });

  it('reads a typed card into digits and numbers', () => {
    expect(readCard('4242 4242-4242 4242', '7', '2031').card).toEqual({
      number: '4242424242424242',
      expMonth: 7,
      expYear: 2031,
    });
    expect(readCard('x', '0', '31').problems).toHaveProperty('expYear');
  });
});
