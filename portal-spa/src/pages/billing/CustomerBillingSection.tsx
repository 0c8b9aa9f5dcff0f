import { get } from '../../api';
import { ProblemAlert, Spinner } from '../../components/ui';
import { useLoad } from '../../hooks';
import type { CustomerBilling } from '../../types';
import { AutoTopUpCard } from './AutoTopUpCard';
import { InvoiceTable } from './Invoices';
import { PurchaseTable } from './PartnerBilling';
import { SubscriptionTable } from './Subscriptions';

/** The Billing section of a customer's Manage panel: its invoices, subscriptions and
 * purchases, and its auto top-up (R21). */
export function CustomerBillingSection({ accountId }: { accountId: string }) {
  const billing = useLoad(
    () => get<CustomerBilling>(`/api/portal/partner/customers/${encodeURIComponent(accountId)}/billing`),
    [accountId],
  );
  return (
    <section className="stack" aria-labelledby="customer-billing-title">
      <h2 id="customer-billing-title" className="section-title">
        Billing
      </h2>
      <ProblemAlert error={billing.error} />
      {billing.data ? (
        <>
          <div className="card">
            <h3>Invoices</h3>
            <InvoiceTable invoices={billing.data.invoices} links={false} />
          </div>
          <div className="card">
            <h3>Subscriptions</h3>
            <SubscriptionTable subscriptions={billing.data.subscriptions} />
          </div>
          <div className="card">
            <h3>Purchases</h3>
            <PurchaseTable purchases={billing.data.purchases} />
          </div>
        </>
      ) : billing.loading ? (
        <Spinner />
      ) : null}
      <AutoTopUpCard customerAccountId={accountId} />
    </section>
  );
}
