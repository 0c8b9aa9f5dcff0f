import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { Button, Credits, ProblemAlert, Spinner, Stat } from '../../components/ui';
import { formatDate } from '../../format';
import { useCommand, useLoad, type Loaded } from '../../hooks';
import { formatCredits, formatSigned, formatUsd } from '../../money';
import type { AiCreditsTab, CreditPlan, PaymentMethod } from '../../types';
import { billingApi } from './billingApi';
import { AutoTopUpCard } from './AutoTopUpCard';
import { AddCardForm, MethodSelect, defaultMethodId } from './PaymentMethods';

/** The AI Credits tab (R17): balance, monthly allocation, used this period, recent transactions. */
export function AiCredits({
  tab,
  methods,
  onBought,
}: {
  tab: Loaded<AiCreditsTab>;
  methods: Loaded<PaymentMethod[]>;
  onBought: () => void;
}) {
  const [buying, setBuying] = useState(false);
  const [bought, setBought] = useState<string | null>(null);
  const t = tab.data;
  return (
    <div className="stack">
      <ProblemAlert error={tab.error} />
      {t ? (
        <>
          <div className="stats">
            <Stat testId="ai-balance" label="Current balance" value={<Credits ucr={t.balanceUcr} />} />
            <Stat
              testId="ai-allocation"
              label="Monthly allocation"
              value={<Credits ucr={t.monthlyAllocationUcr} />}
              hint={t.subscriptionId ? 'From your subscription' : 'No subscription'}
            />
            <Stat
              testId="ai-used"
              label="Total used"
              value={<Credits ucr={t.usedThisPeriodUcr} />}
              hint={`${formatDate(t.periodStart)} – ${formatDate(t.periodEnd)}`}
            />
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => setBuying(true)}>
              Purchase Credits
            </button>
          </div>
          {bought ? (
            <div className="alert success" role="status">
              {bought}
            </div>
          ) : null}
          <AutoTopUpCard customerAccountId={null} />
          <RecentTransactions tab={t} />
        </>
      ) : tab.loading ? (
        <Spinner />
      ) : null}
      {buying ? (
        <PurchaseCredits
          methods={methods}
          onClose={() => setBuying(false)}
          onBought={(message) => {
            setBuying(false);
            setBought(message);
            onBought();
          }}
        />
      ) : null}
    </div>
  );
}

function RecentTransactions({ tab }: { tab: AiCreditsTab }) {
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent transactions</h2>
      {tab.recentTransactions.length === 0 ? (
        <p className="muted">No transactions yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {tab.recentTransactions.map((row) => (
                <tr key={row.eventId}>
                  <td className="date">{formatDate(row.occurredAt)}</td>
                  <td>{row.type}</td>
                  <td className="num">{formatSigned(row.amountUcr)}</td>
                  <td className="num">{formatCredits(row.balanceAfterUcr)}</td>
                  <td>{row.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * R16: the plans the partner left visible to this customer, paid with a saved card or one added
 * here; the credits arrive once the provider confirms the payment.
 */
export function PurchaseCredits({
  methods,
  onClose,
  onBought,
}: {
  methods: Loaded<PaymentMethod[]>;
  onClose: () => void;
  onBought: (message: string) => void;
}) {
  const plans = useLoad(() => billingApi.plans(), []);
  const oneOff = (plans.data ?? []).filter((plan) => plan.interval == null);
  const [planId, setPlanId] = useState('');
  const [methodId, setMethodId] = useState('');
  const [planProblem, setPlanProblem] = useState<string | null>(null);
  const saved = methods.data ?? [];
  const chosenMethod = methodId || defaultMethodId(saved);
  const buy = useCommand((plan: CreditPlan, commandId: string) =>
    billingApi.buyPlan(commandId, plan.planId, chosenMethod || null),
  );

  async function onBuy() {
    const plan = oneOff.find((p) => p.planId === planId);
    if (!plan) {
      setPlanProblem('Choose a plan.');
      return;
    }
    setPlanProblem(null);
    const purchase = await buy.submit(plan);
    if (purchase) {
      onBought(
        purchase.status === 'CREDITED'
          ? `Paid ${formatUsd(plan.priceUsdCents)}: ${formatCredits(plan.aiCreditsUcr)} credits added.`
          : `Paid ${formatUsd(plan.priceUsdCents)}: ${formatCredits(plan.aiCreditsUcr)} credits arrive once the payment is confirmed.`,
      );
    }
  }

  return (
    <Modal title="Purchase Credits" onClose={onClose}>
      <ProblemAlert error={plans.error} />
      {plans.loading && !plans.data ? <Spinner /> : null}
      {plans.data && oneOff.length === 0 ? <p className="muted">Your provider offers no credit plans to buy yet.</p> : null}
      {oneOff.length > 0 ? (
        <fieldset className="plans" aria-describedby={planProblem ? 'plan-error' : undefined}>
          <legend>Credit plan</legend>
          {oneOff.map((plan) => (
            <label key={plan.planId} className="plan-option">
              <input
                type="radio"
                name="plan"
                value={plan.planId}
                checked={planId === plan.planId}
                onChange={() => setPlanId(plan.planId)}
              />
              <span className="plan-name">{plan.name}</span>
              <span className="plan-terms">
                {formatCredits(plan.aiCreditsUcr)} credits · {formatUsd(plan.priceUsdCents)}
              </span>
            </label>
          ))}
          {planProblem ? (
            <div id="plan-error" className="field-error" role="alert">
              {planProblem}
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {saved.length > 0 ? (
        <MethodSelect id="buy-method" methods={saved} value={chosenMethod} onChange={setMethodId} />
      ) : (
        <AddCardForm
          title="Pay with a new card"
          onAdded={(method) => {
            setMethodId(method.methodId);
            void methods.reload();
          }}
        />
      )}
      <ProblemAlert error={buy.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <Button
          type="button"
          disabled={saved.length === 0 || oneOff.length === 0}
          pending={buy.pending}
          pendingLabel="Paying…"
          onClick={() => void onBuy()}
        >
          Buy now
        </Button>
      </div>
    </Modal>
  );
}
