import { render, screen, within } from '@testing-library/react';
import { DetailedUsage, creditsPerDay } from './DetailedUsage';

vi.mock('../components/Charts', () => ({
  BarChart: ({ bars }: { bars: { label: string; ucr: bigint }[] }) => (
    <ul data-testid="chart">
      {bars.map((b) => (
        <li key={b.label}>{`${b.label} ${b.ucr}`}</li>
      ))}
    </ul>
  ),
}));

const days = [
  { day: '2026-12-01', kind: 'AGENT_CALL', uses: 2, tokensIn: 0, tokensOut: 0, callSeconds: 185, creditsUcr: 3500000 },
  { day: '2026-12-01', kind: 'GATEWAY', uses: 5, tokensIn: 1200, tokensOut: 800, callSeconds: 0, creditsUcr: 250000 },
  { day: '2026-12-02', kind: 'GATEWAY', uses: 1, tokensIn: 100, tokensOut: 50, callSeconds: 0, creditsUcr: 10000 },
];

describe('Detailed Usage (R1)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows credits per day and kind, a chart of each day, and a CSV export of the same period', async () => {
    const fetch = vi.fn(async (_path: string) =>
      new Response(JSON.stringify({ from: '', to: '', days, totalUcr: 3760000, truncated: false }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    vi.stubGlobal('fetch', fetch);
    render(<DetailedUsage />);

    const table = await screen.findByTestId('usage-days');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Agent calls')).toBeInTheDocument();
    expect(screen.getByTestId('usage-total')).toHaveTextContent('3.76');
    expect(screen.getByTestId('chart')).toHaveTextContent('2026-12-01 3750000');
    const query = String(fetch.mock.calls[0][0]).split('?')[1];
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `/api/portal/usage/export?${query}`);
  });

  it('adds each day up across kinds in micro-credits', () => {
    const typed = days.map((d) => ({ ...d, creditsUcr: BigInt(d.creditsUcr) }));
    expect(creditsPerDay(typed)).toEqual([
      { label: '2026-12-01', ucr: 3750000n },
      { label: '2026-12-02', ucr: 10000n },
    ]);
  });
});
