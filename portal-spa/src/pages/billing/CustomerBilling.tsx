import { useSearchParams } from 'react-router';
import { useLoad } from '../../hooks';
import { billingApi } from './billingApi';
import { AiCredits } from './AiCredits';
import { Invoices } from './Invoices';
import { PaymentMethods } from './PaymentMethods';
import { Subscriptions } from './Subscriptions';

const TABS = [
  { id: 'invoices', label: 'Invoices' },
  { id: 'subscriptions', label: 'Subscriptions' },
  { id: 'ai-credits', label: 'AI Credits' },
  { id: 'payment-methods', label: 'Payment Methods' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** Billing & Payments (R17) for a customer, one tab per part, the tab kept in the address. */
export function CustomerBilling() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabId = TABS.some((t) => t.id === asked) ? (asked as TabId) : 'invoices';
  const methods = useLoad(() => billingApi.methods(), []);
  const invoices = useLoad(() => billingApi.invoices(), []);
  const subscriptions = useLoad(() => billingApi.subscriptions(), []);
  const aiCredits = useLoad(() => billingApi.aiCredits(), []);

  function refreshAll() {
    void invoices.reload();
    void subscriptions.reload();
    void aiCredits.reload();
    void methods.reload();
  }

  return (
    <section className="page">
      <h1>Billing &amp; Payments</h1>
      <div className="tabs" role="tablist" aria-label="Billing & Payments">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => setParams({ tab: t.id }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'invoices' ? <Invoices invoices={invoices} methods={methods.data ?? []} onPaid={refreshAll} /> : null}
        {tab === 'subscriptions' ? (
          <Subscriptions subscriptions={subscriptions} methods={methods.data ?? []} onChanged={refreshAll} />
        ) : null}
        {tab === 'ai-credits' ? <AiCredits tab={aiCredits} methods={methods} onBought={refreshAll} /> : null}
        {tab === 'payment-methods' ? <PaymentMethods methods={methods} /> : null}
      </div>
    </section>
  );
}
