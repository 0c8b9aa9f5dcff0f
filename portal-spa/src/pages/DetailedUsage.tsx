import { useState, type FormEvent } from 'react';
import { get } from '../api';
import { BarChart } from '../components/Charts';
import { Button, Credits, Field, ProblemAlert, Spinner, Stat } from '../components/ui';
import { useLoad } from '../hooks';
import { formatCredits } from '../money';
import type { UsageDay, UsageSummary } from '../types';

const DAY_MS = 86_400_000;

const KINDS: Record<string, string> = {
  GATEWAY: 'AI Gateway requests',
  AGENT_CALL: 'Agent calls',
  AGENT_CHAT: 'Agent chats',
};

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}

/** Credits per day, all kinds added up: BigInt sums, never floating point. */
export function creditsPerDay(days: UsageDay[]): { label: string; ucr: bigint }[] {
  const totals = new Map<string, bigint>();
  for (const d of days) totals.set(d.day, (totals.get(d.day) ?? 0n) + d.creditsUcr);
  return Array.from(totals, ([label, ucr]) => ({ label, ucr }));
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Detailed Usage (R1): billed uses per day and kind, a period filter, a chart and a CSV export. */
export function DetailedUsage() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 30 * DAY_MS)));
  const [to, setTo] = useState(isoDay(today));
  const [period, setPeriod] = useState({ from, to });
  const [problem, setProblem] = useState<string | null>(null);
  const end = new Date(new Date(`${period.to}T00:00:00Z`).getTime() + DAY_MS).toISOString();
  const query = `from=${period.from}T00:00:00Z&to=${end}`;
  const usage = useLoad(() => get<UsageSummary>(`/api/portal/usage?${query}`), [query]);

  function onFilter(event: FormEvent) {
    event.preventDefault();
    if (!from || !to || to < from) {
      setProblem('Choose a start date on or before the end date.');
      return;
    }
    setProblem(null);
    setPeriod({ from, to });
  }

  const u = usage.data;
  return (
    <section className="page">
      <h1>Detailed Usage</h1>
      <form className="card toolbar" onSubmit={onFilter} aria-label="Period">
        <Field id="usage-from" label="From" error={problem}>
          {(aria) => <input {...aria} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field id="usage-to" label="To">
          {(aria) => <input {...aria} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Button type="submit" pending={usage.loading}>
          Show
        </Button>
        <a className="button secondary" href={`/api/portal/usage/export?${query}`} download>
          Export CSV
        </a>
      </form>
      <ProblemAlert error={usage.error} />
      {u ? (
        <>
          <div className="stats">
            <Stat testId="usage-total" label="Credits used" value={<Credits ucr={u.totalUcr} />} hint={`${period.from} – ${period.to}`} />
          </div>
          {u.truncated ? (
            <div className="alert warning">Only the most recent uses are counted; choose a shorter period for all of them.</div>
          ) : null}
          {u.days.length === 0 ? (
            <p className="muted">No usage in this period.</p>
          ) : (
            <>
              <section className="card" aria-labelledby="usage-chart-title">
                <h2 id="usage-chart-title">Credits per day</h2>
                <BarChart title="Credits per day" bars={creditsPerDay(u.days)} />
              </section>
              <UsageTable days={u.days} />
            </>
          )}
        </>
      ) : usage.loading ? (
        <Spinner />
      ) : null}
    </section>
  );
}

function UsageTable({ days }: { days: UsageDay[] }) {
  return (
    <section className="card" aria-labelledby="usage-table-title">
      <h2 id="usage-table-title">Per day and kind</h2>
      <div className="table-scroll">
        <table className="table" data-testid="usage-days">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Uses
              </th>
              <th scope="col" className="num">
                Tokens in / out
              </th>
              <th scope="col" className="num">
                Call seconds
              </th>
              <th scope="col" className="num">
                Credits
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={`${d.day}-${d.kind}`}>
                <td className="date">{d.day}</td>
                <td>{kindLabel(d.kind)}</td>
                <td className="num">{d.uses}</td>
                <td className="num">
                  {d.tokensIn} / {d.tokensOut}
                </td>
                <td className="num">{d.callSeconds}</td>
                <td className="num">{formatCredits(d.creditsUcr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
