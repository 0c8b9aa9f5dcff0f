import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Conversations, formatDuration } from './Conversations';

const call = {
  callId: 'call-1',
  customerId: 'bistro',
  agentId: 'agent-support',
  channel: 'VOICE',
  status: 'ENDED',
  startedAt: '2026-12-01T09:00:00Z',
  endedAt: '2026-12-01T09:02:05Z',
  durationSeconds: 125,
  toolCalls: 3,
  costLines: [
    { kind: 'LLM', amountUcr: 2000000 },
    { kind: 'TTS', amountUcr: 500000 },
  ],
  chargeUcr: 2500000,
  settledUcr: 2500000,
  meteredUcr: 0,
  uncollectedUcr: 0,
};

describe('Conversations (R1)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the sessions of a period and opens one to its cost lines', async () => {
    const fetch = vi.fn(async (path: string) =>
      new Response(
        JSON.stringify(path.includes('/conversations?') ? { total: 1, page: 0, size: 50, items: [call] } : call),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    render(<Conversations />);

    const table = await screen.findByTestId('conversations');
    expect(within(table).getByText('2m 05s')).toBeInTheDocument();
    expect(within(table).getByText('2.50')).toBeInTheDocument();
    expect(String(fetch.mock.calls[0][0])).toMatch(/from=\d{4}-\d\d-\d\dT00:00:00Z&to=/);
    await userEvent.click(screen.getByRole('button', { name: 'Open conversation call-1' }));
    const lines = await screen.findByTestId('cost-lines');
    expect(within(lines).getByText('LLM')).toBeInTheDocument();
    expect(within(lines).getByText('0.50')).toBeInTheDocument();
  });

  it('refuses a period that ends before it starts, next to the dates', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ total: 0, items: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    render(<Conversations />);
    await screen.findByText('No conversations in this period.');

    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '2099-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    expect(screen.getByLabelText('From')).toHaveAccessibleDescription('Choose a start date on or before the end date.');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('writes durations in minutes and seconds', () => {
    expect(formatDuration(125)).toBe('2m 05s');
    expect(formatDuration(59)).toBe('59s');
    expect(formatDuration(null)).toBe('—');
  });
});
