import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { Badge, Button, ProblemAlert, Spinner } from '../../components/ui';
import { formatDate } from '../../format';
import { useCommand, type Loaded } from '../../hooks';
import { formatUsd } from '../../money';
import type { Invoice, PaymentMethod } from '../../types';
import { billingApi, humanStatus, statusBadge } from './billingApi';
import { MethodSelect, defaultMethodId } from './PaymentMethods';

/** The Invoices tab (R17): history, status, the hosted page and PDF, paying an open one. */
export function Invoices({
  invoices,
  methods,
  onPaid,
}: {
  invoices: Loaded<Invoice[]>;
  methods: PaymentMethod[];
  onPaid: () => void;
}) {
  const [paying, setPaying] = useState<Invoice | null>(null);
  return (
    <section className="card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices</h2>
      <ProblemAlert error={invoices.error} />
      {invoices.data ? (
        <InvoiceTable
          invoices={invoices.data}
          actions={(invoice) =>
            invoice.status === 'OPEN' ? (
              <button type="button" onClick={() => setPaying(invoice)} aria-label={`Pay invoice ${invoice.number}`}>
                Pay
              </button>
            ) : null
          }
        />
      ) : invoices.loading ? (
        <Spinner />
      ) : null}
      {paying ? (
        <PayInvoice
          invoice={paying}
          methods={methods}
          onClose={() => setPaying(null)}
          onPaid={() => {
            setPaying(null);
            onPaid();
          }}
        />
      ) : null}
    </section>
  );
}

export function InvoiceTable({
  invoices,
  actions,
  links = true,
}: {
  invoices: Invoice[];
  actions?: (invoice: Invoice) => React.ReactNode;
  links?: boolean;
}) {
  if (invoices.length === 0) return <p className="muted">No invoices yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="invoices">
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Date</th>
            <th scope="col">For</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Due
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.invoiceId}>
              <td>{invoice.number}</td>
              <td className="date">{formatDate(invoice.createdAt)}</td>
              <td>{invoice.lines.map((line) => line.description).join(', ')}</td>
              <td className="num">{formatUsd(invoice.totalCents)}</td>
              <td className="num">{formatUsd(invoice.amountDueCents)}</td>
              <td>
                <Badge kind={statusBadge(invoice.status)}>{humanStatus(invoice.status)}</Badge>
                {invoice.status === 'OPEN' && invoice.lastPaymentError ? (
                  <div className="small">{invoice.lastPaymentError}</div>
                ) : null}
              </td>
              <td className="row-actions">
                {links && invoice.hostedPath ? (
                  <a href={billingApi.invoicePage(invoice.invoiceId)} target="_blank" rel="noopener noreferrer">
                    Open<span className="visually-hidden"> invoice {invoice.number}</span>
                  </a>
                ) : null}
                {links ? (
                  <a href={billingApi.invoicePdf(invoice.invoiceId)}>
                    PDF<span className="visually-hidden"> of invoice {invoice.number}</span>
                  </a>
                ) : null}
                {actions?.(invoice)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PayInvoice({
  invoice,
  methods,
  onClose,
  onPaid,
}: {
  invoice: Invoice;
  methods: PaymentMethod[];
  onClose: () => void;
  onPaid: () => void;
}) {
  const [methodId, setMethodId] = useState(defaultMethodId(methods));
  const pay = useCommand((id: string) => billingApi.payInvoice(invoice.invoiceId, id || null));
  return (
    <Modal title={`Pay invoice ${invoice.number}`} onClose={onClose}>
      <p>
        Amount due: <strong>{formatUsd(invoice.amountDueCents)}</strong>
      </p>
      {methods.length === 0 ? (
        <div className="alert warning">Add a payment method in the Payment Methods tab first.</div>
      ) : (
        <MethodSelect id="pay-method" methods={methods} value={methodId} onChange={setMethodId} />
      )}
      <ProblemAlert error={pay.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <Button
          type="button"
          disabled={methods.length === 0}
          pending={pay.pending}
          pendingLabel="Paying…"
          onClick={async () => {
            if (await pay.submit(methodId)) onPaid();
          }}
        >
          Pay {formatUsd(invoice.amountDueCents)}
        </Button>
      </div>
    </Modal>
  );
}
