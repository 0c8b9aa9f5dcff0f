import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../api';
import { Badge, ProblemAlert, Spinner } from '../components/ui';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { formatCredits } from '../money';
import type { AccountSummary } from '../types';

export function CustomersPage() {
  const customers = useLoad(() => get<AccountSummary[]>('/api/portal/partner/customers'), []);
  const [query, setQuery] = useState('');

  const shown = (customers.data ?? []).filter((c) => matches(c, query));
  return (
    <section className="page">
      <h1>Customers</h1>
      <div className="card">
        <div className="toolbar">
          <label htmlFor="customer-search">Search customers</label>
          <input
            id="customer-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name or account id"
          />
        </div>
        {customers.error ? <ProblemAlert error={customers.error} /> : null}
        {customers.data ? (
          shown.length === 0 && customers.data.length > 0 ? (
            <p className="muted">No customer matches “{query}”.</p>
          ) : (
            <CustomersTable customers={shown} />
          )
        ) : customers.loading ? (
          <Spinner />
        ) : null}
      </div>
    </section>
  );
}

export function matches(customer: AccountSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return customer.displayName.toLowerCase().includes(q) || customer.accountId.toLowerCase().includes(q);
}

export function CustomersTable({ customers }: { customers: AccountSummary[] }) {
  if (customers.length === 0) return <p className="muted">No customers yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">AI credits</th>
            <th scope="col" className="num">
              Balance
            </th>
            <th scope="col">Last updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <tr key={c.accountId}>
              <td>
                <div>{c.displayName}</div>
                <div className="muted small">{c.accountId}</div>
              </td>
              <td>
                {c.aiCreditsEnabled ? (
                  <Badge kind="on">Enabled</Badge>
                ) : (
                  <span className="badge off" title="Its usage draws on your platform credits">
                    Off
                  </span>
                )}
              </td>
              <td className="num" data-testid={`balance-${c.accountId}`}>
                {c.aiCreditsEnabled && c.balanceUcr != null ? formatCredits(c.balanceUcr) : '—'}
              </td>
              <td className="date">{formatDate(c.lastUpdated)}</td>
              <td>
                <Link className="button secondary" to={`/customers/${encodeURIComponent(c.accountId)}`} aria-label={`Manage ${c.displayName}`}>
                  Manage
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
