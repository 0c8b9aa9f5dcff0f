import { useState, type FormEvent } from 'react';
import { get } from '../../api';
import { Badge, Button, Credits, Field, ProblemAlert, Spinner, Stat, fieldError, formError } from '../../components/ui';
import { formatDate } from '../../format';
import { useCommand, useLoad, type Loaded } from '../../hooks';
import { formatCredits, formatUsd, parseUsd, quickBuyCredits } from '../../money';
import { useMe } from '../../session';
import { accountPath, type AccountSummary, type PaymentMethod, type Purchase } from '../../types';
import { billingApi, humanStatus, statusBadge } from './billingApi';
import { InvoiceTable } from './Invoices';
import { MethodSelect, PaymentMethods, defaultMethodId } from './PaymentMethods';

/** A partner's Billing: its platform credits, Quick Buy through the provider, history, invoices. */
export function PartnerBilling() {
  const me = useMe();
  const account = useLoad(() => get<AccountSummary>(accountPath(me.accountId)), [me.accountId]);
  const methods = useLoad(() => billingApi.methods(), []);
  const purchases = useLoad(() => billingApi.purchases(), []);
  const invoices = useLoad(() => billingApi.invoices(), []);

  function bought() {
    void account.reload();
    void purchases.reload();
    void invoices.reload();
  }

  return (
    <section className="page">
      <h1>Billing</h1>
      <ProblemAlert error={account.error} />
      <div className="stats">
        <Stat
          testId="platform-credits"
          label="Platform credits"
          value={account.data ? <Credits ucr={account.data.balanceUcr} /> : '…'}
          hint="Available to you and your customers' usage"
        />
      </div>
      <QuickBuy methods={methods} onBought={bought} />
      <section className="card" aria-labelledby="purchases-title">
        <h2 id="purchases-title">Purchase history</h2>
        <ProblemAlert error={purchases.error} />
        {purchases.data ? <PurchaseTable purchases={purchases.data} /> : purchases.loading ? <Spinner /> : null}
      </section>
      <section className="card" aria-labelledby="partner-invoices-title">
        <h2 id="partner-invoices-title">Invoices</h2>
        <ProblemAlert error={invoices.error} />
        {invoices.data ? <InvoiceTable invoices={invoices.data} /> : invoices.loading ? <Spinner /> : null}
      </section>
      <h2 className="section-title">Payment methods</h2>
      <PaymentMethods methods={methods} />
    </section>
  );
}

/** Quick Buy: 100 platform credits per US dollar, paid through billing's provider. */
function QuickBuy({ methods, onBought }: { methods: Loaded<PaymentMethod[]>; onBought: () => void }) {
  const [amount, setAmount] = useState('10');
  const [methodId, setMethodId] = useState('');
  const [amountProblem, setAmountProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const saved = methods.data ?? [];
  const chosen = methodId || defaultMethodId(saved);
  const buy = useCommand((cents: bigint, commandId: string) => billingApi.quickBuy(commandId, cents, chosen || null));
  let preview: string | null = null;
  try {
    preview = `${formatCredits(quickBuyCredits(parseUsd(amount)))} platform credits`;
  } catch {
    preview = null;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    let cents: bigint;
    try {
      cents = parseUsd(amount);
    } catch (e) {
      setAmountProblem((e as Error).message);
      return;
    }
    setAmountProblem(null);
    const purchase = await buy.submit(cents);
    if (purchase) {
      setDone(
        `Paid ${formatUsd(cents)} for ${formatCredits(purchase.creditsUcr)} platform credits` +
          (purchase.status === 'CREDITED' ? '.' : '; they arrive once the payment is confirmed.'),
      );
      onBought();
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby="quick-buy-title">
      <h2 id="quick-buy-title">Quick Buy</h2>
      <p className="muted">100 platform credits = $1.00.</p>
      <Field
        id="quick-buy-amount"
        label="Amount (USD)"
        error={amountProblem ?? fieldError(buy.error, 'amountUsdCents')}
        hint={preview ? `You get ${preview}.` : undefined}
      >
        {(aria) => (
          <input {...aria} inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        )}
      </Field>
      {saved.length > 0 ? (
        <MethodSelect id="quick-buy-method" methods={saved} value={chosen} onChange={setMethodId} />
      ) : (
        <div className="alert warning">Add a payment method below to buy credits.</div>
      )}
      <ProblemAlert error={formError(buy.error, ['amountUsdCents'])} />
      {done ? (
        <div className="alert success" role="status">
          {done}
        </div>
      ) : null}
      <Button type="submit" disabled={saved.length === 0} pending={buy.pending} pendingLabel="Paying…">
        Buy credits
      </Button>
    </form>
  );
}

export function PurchaseTable({ purchases }: { purchases: Purchase[] }) {
  if (purchases.length === 0) return <p className="muted">No purchases yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="purchases">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col" className="num">
              Credits
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {purchases.map((p) => (
            <tr key={p.purchaseId}>
              <td className="date">{formatDate(p.createdAt)}</td>
              <td>{p.kind === 'QUICK_BUY' ? 'Quick Buy' : `Credit plan ${p.planId ?? ''}`}</td>
              <td className="num">{formatCredits(p.creditsUcr)}</td>
              <td className="num">{formatUsd(p.priceUsdCents)}</td>
              <td>
                <Badge kind={statusBadge(p.status)}>{humanStatus(p.status)}</Badge>
                {p.grantRefusal ? <div className="small">{p.grantRefusal}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
