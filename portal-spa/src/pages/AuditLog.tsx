import { useState, type FormEvent } from 'react';
import { get } from '../api';
import { ProblemAlert, Spinner } from '../components/ui';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { AUDIT_ACTIONS, auditQuery, noAuditFilters, type AuditFilters } from '../teamAudit';

interface AuditRecord {
  position: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
}

const PAGE_SIZE = 50;

/** R20: the tenant's audit log, filtered by actor, action and period, exported as CSV or JSON. */
export function AuditLogPage() {
  const [draft, setDraft] = useState<AuditFilters>(noAuditFilters);
  const [filters, setFilters] = useState<AuditFilters>(noAuditFilters);
  const [page, setPage] = useState(0);
  const rows = useLoad(
    () => get<{ rows: AuditRecord[] }>(`/api/portal/audit?${auditQuery(filters, { page, size: PAGE_SIZE })}`),
    [filters, page],
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    setPage(0);
    setFilters(draft);
  }
  const exportHref = (format: 'csv' | 'json') => `/api/portal/audit/export?${auditQuery(filters, { format })}`;
  const list = rows.data?.rows ?? [];

  return (
    <section className="page">
      <h1>Audit Log</h1>
      <section className="card" aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title">Filter</h2>
        <form className="form inline" aria-label="Filter the audit log" onSubmit={apply}>
          <div className="field">
            <label htmlFor="audit-actor">Actor (e-mail)</label>
            <input id="audit-actor" type="search" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="audit-action">Action</label>
            <select id="audit-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
              <option value="">All actions</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-from">From</label>
            <input id="audit-from" type="date" value={draft.fromDay} onChange={(e) => setDraft({ ...draft, fromDay: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">To</label>
            <input id="audit-to" type="date" value={draft.toDay} onChange={(e) => setDraft({ ...draft, toDay: e.target.value })} />
          </div>
          <button type="submit">Apply</button>
        </form>
        <div className="actions">
          <a className="button secondary" href={exportHref('csv')} download>
            Export CSV
          </a>
          <a className="button secondary" href={exportHref('json')} download>
            Export JSON
          </a>
        </div>
      </section>
      <section className="card" aria-labelledby="audit-rows-title">
        <h2 id="audit-rows-title">Records</h2>
        <ProblemAlert error={rows.error} />
        {rows.loading && !rows.data ? <Spinner /> : null}
        {rows.data && list.length === 0 ? <p className="muted">No records match.</p> : null}
        {list.length > 0 ? (
          <div className="table-scroll">
            <table className="table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.position}>
                    <td className="date">{formatDate(r.at)}</td>
                    <td>{r.actor}</td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>{r.target ?? '—'}</td>
                    <td>{r.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <button type="button" className="secondary" disabled={list.length < PAGE_SIZE} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </div>
      </section>
    </section>
  );
}
