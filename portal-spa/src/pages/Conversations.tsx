import { useState, type FormEvent } from 'react';
import { get } from '../api';
import { Modal } from '../components/Modal';
import { Badge, Button, Credits, Field, ProblemAlert, Spinner } from '../components/ui';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { formatCredits } from '../money';
import type { Conversation, ConversationPage } from '../types';

const DAY_MS = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2m 05s" for 125 seconds. */
export function formatDuration(seconds: number | null): string {
  if (seconds == null) return '—';
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return minutes > 0 ? `${minutes}m ${rest}s` : `${seconds}s`;
}

/** Conversations (R1): the customer's metered agent sessions in a period, each with its costs. */
export function Conversations() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 30 * DAY_MS)));
  const [to, setTo] = useState(isoDay(today));
  const [period, setPeriod] = useState({ from, to });
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const page = useLoad(() => {
    const end = new Date(`${period.to}T00:00:00Z`).getTime() + DAY_MS;
    const query = `from=${period.from}T00:00:00Z&to=${new Date(end).toISOString()}`;
    return get<ConversationPage>(`/api/portal/conversations?${query}`);
  }, [period.from, period.to]);

  function onFilter(event: FormEvent) {
    event.preventDefault();
    if (!from || !to || to < from) {
      setProblem('Choose a start date on or before the end date.');
      return;
    }
    setProblem(null);
    setPeriod({ from, to });
  }

  return (
    <section className="page">
      <h1>Conversations</h1>
      <form className="card toolbar" onSubmit={onFilter} aria-label="Period">
        <Field id="conv-from" label="From" error={problem}>
          {(aria) => <input {...aria} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field id="conv-to" label="To">
          {(aria) => <input {...aria} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Button type="submit" pending={page.loading}>
          Show
        </Button>
      </form>
      <section className="card" aria-labelledby="conv-title">
        <h2 id="conv-title">Sessions {page.data ? <span className="muted">({page.data.total})</span> : null}</h2>
        <ProblemAlert error={page.error} />
        {page.data ? (
          <ConversationTable items={page.data.items} onOpen={setOpen} />
        ) : page.loading ? (
          <Spinner />
        ) : null}
      </section>
      {open ? <ConversationDetail callId={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

function ConversationTable({ items, onOpen }: { items: Conversation[]; onOpen: (callId: string) => void }) {
  if (items.length === 0) return <p className="muted">No conversations in this period.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="conversations">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Agent</th>
            <th scope="col">Channel</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col" className="num">
              Tool calls
            </th>
            <th scope="col" className="num">
              Credits
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.callId}>
              <td className="date">{formatDate(c.startedAt)}</td>
              <td>{c.agentId ?? '—'}</td>
              <td>{c.channel}</td>
              <td className="num">{formatDuration(c.durationSeconds)}</td>
              <td className="num">{c.toolCalls ?? '—'}</td>
              <td className="num">{c.chargeUcr == null ? '—' : formatCredits(c.chargeUcr)}</td>
              <td>
                <Badge kind={`status-${c.status.toLowerCase()}`}>{c.status}</Badge>
              </td>
              <td>
                <button type="button" className="secondary" onClick={() => onOpen(c.callId)} aria-label={`Open conversation ${c.callId}`}>
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ConversationDetail({ callId, onClose }: { callId: string; onClose: () => void }) {
  const one = useLoad(() => get<Conversation>(`/api/portal/conversations/${encodeURIComponent(callId)}`), [callId]);
  const c = one.data;
  return (
    <Modal title={`Conversation ${callId}`} onClose={onClose}>
      <ProblemAlert error={one.error} />
      {c ? (
        <div className="stack">
          <p>
            {c.channel} with {c.agentId ?? 'an agent'}, {formatDate(c.startedAt)} · {formatDuration(c.durationSeconds)} ·{' '}
            {c.toolCalls ?? 0} tool calls
          </p>
          <table className="table" data-testid="cost-lines">
            <thead>
              <tr>
                <th scope="col">Cost</th>
                <th scope="col" className="num">
                  Credits
                </th>
              </tr>
            </thead>
            <tbody>
              {(c.costLines ?? []).map((line, i) => (
                <tr key={`${line.kind}-${i}`}>
                  <td>{line.kind}</td>
                  <td className="num">{formatCredits(line.amountUcr)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total charged</th>
                <td className="num">
                  <Credits ucr={c.chargeUcr} />
                </td>
              </tr>
            </tbody>
          </table>
          {c.uncollectedUcr != null && c.uncollectedUcr > 0n ? (
            <div className="alert warning">{formatCredits(c.uncollectedUcr)} credits could not be collected.</div>
          ) : null}
        </div>
      ) : one.loading ? (
        <Spinner />
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
