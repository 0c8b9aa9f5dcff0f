import { useCallback, useState } from 'react';
import { get } from '../api';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { formatCredits, formatSigned } from '../money';
import { historyPath, type HistoryLine, type HistoryPage } from '../types';
import { BalanceChart } from './Charts';
import { ProblemAlert, Spinner } from './ui';

export const HISTORY_PAGE_SIZE = 20;
const CHART_ROWS = 100;

/**
 * An account's balance chart and its history, newest first, with paging. `version` changes when
 * the caller knows the history changed (after adding or deducting credits).
 */
export function HistoryPanel({ accountId, title, version = 0 }: { accountId: string; title: string; version?: number }) {
  const [page, setPage] = useState(0);
  const history = useLoad(
    () => get<HistoryPage>(historyPath(accountId, page, HISTORY_PAGE_SIZE)),
    [accountId, page, version],
  );
  const chart = useLoad(() => get<HistoryPage>(historyPath(accountId, 0, CHART_ROWS)), [accountId, version]);
  const pages = Math.max(1, Math.ceil((history.data?.totalRows ?? 0) / HISTORY_PAGE_SIZE));
  const points = useCallback(
    () =>
      (chart.data?.rows ?? [])
        .slice()
        .reverse()
        .map((row) => ({ at: row.occurredAt, ucr: row.balanceAfterUcr })),
    [chart.data],
  );

  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${accountId}-chart`}>
        <h2 id={`${accountId}-chart`}>Balance over time</h2>
        {chart.error ? <ProblemAlert error={chart.error} /> : null}
        {chart.data ? <BalanceChart points={points()} title="Balance over time" /> : chart.loading ? <Spinner /> : null}
      </section>
      <section className="card" aria-labelledby={`${accountId}-history`}>
        <div className="card-head">
          <h2 id={`${accountId}-history`}>{title}</h2>
          {history.loading && history.data ? <span className="spinner small" role="status" aria-label="Refreshing" /> : null}
        </div>
        {history.error ? <ProblemAlert error={history.error} /> : null}
        {history.data ? <HistoryTable rows={history.data.rows} /> : history.loading ? <Spinner /> : null}
        {history.data && history.data.totalRows > 0 ? (
          <nav className="pager" aria-label={`${title} pages`}>
            <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              ← Newer
            </button>
            <span>
              Page {page + 1} of {pages} · {history.data.totalRows} transactions
            </span>
            <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Older →
            </button>
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export function HistoryTable({ rows }: { rows: HistoryLine[] }) {
  if (rows.length === 0) return <p className="muted">No transactions yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              Balance after
            </th>
            <th scope="col">Note</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.eventId}>
              <td>
                <span className={`badge type-${row.type.toLowerCase()}`}>{row.type}</span>
              </td>
              <td className={row.amountUcr < 0n ? 'num negative' : 'num positive'}>{formatSigned(row.amountUcr)}</td>
              <td className="num">{formatCredits(row.balanceAfterUcr)}</td>
              <td className="note">{row.note ?? ''}</td>
              <td className="date">{formatDate(row.occurredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
