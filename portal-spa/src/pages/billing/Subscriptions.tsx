import { useState } from 'react';
import { ConfirmDialog } from '../../components/Modal';
import { Badge, Button, Field, ProblemAlert, Spinner } from '../../components/ui';
import { formatDate } from '../../format';
import { useCommand, useLoad, type Loaded } from '../../hooks';
import { formatCredits, formatUsd } from '../../money';
import type { PaymentMethod, Subscription } from '../../types';
import { billingApi, humanStatus, statusBadge } from './billingApi';
import { MethodSelect, defaultMethodId } from './PaymentMethods';

/** The Subscriptions tab (R17): active ones with period and next billing date; subscribe; cancel. */
export function Subscriptions({
  subscriptions,
  methods,
  onChanged,
}: {
  subscriptions: Loaded<Subscription[]>;
  methods: PaymentMethod[];
  onChanged: () => void;
}) {
  const live = (subscriptions.data ?? []).filter((s) => s.status !== 'CANCELED');
  return (
    <div className="stack">
      <section className="card" aria-labelledby="subs-title">
        <h2 id="subs-title">Your subscriptions</h2>
        <ProblemAlert error={subscriptions.error} />
        {subscriptions.data ? (
          <SubscriptionTable subscriptions={subscriptions.data} onCanceled={onChanged} />
        ) : subscriptions.loading ? (
          <Spinner />
        ) : null}
      </section>
      <SubscribeForm methods={methods} subscribedPlans={live.map((s) => s.planId)} onSubscribed={onChanged} />
    </div>
  );
}

export function SubscriptionTable({
  subscriptions,
  onCanceled,
}: {
  subscriptions: Subscription[];
  onCanceled?: () => void;
}) {
  if (subscriptions.length === 0) return <p className="muted">No subscriptions.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="subscriptions">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Credits per month
            </th>
            <th scope="col">Current period</th>
            <th scope="col">Next billing date</th>
            {onCanceled ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((s) => (
            <tr key={s.subscriptionId}>
              <td>{s.planName}</td>
              <td>
                <Badge kind={statusBadge(s.status)}>{humanStatus(s.status)}</Badge>
                {s.cancelAtPeriodEnd && s.status !== 'CANCELED' ? (
                  <div className="small">Ends {formatDate(s.currentPeriodEnd)}</div>
                ) : null}
              </td>
              <td className="num">{formatUsd(s.priceUsdCents)} / month</td>
              <td className="num">{formatCredits(s.allocationUcr)}</td>
              <td className="date">
                {formatDate(s.currentPeriodStart)} – {formatDate(s.currentPeriodEnd)}
              </td>
              <td className="date">{s.nextBillingAt ? formatDate(s.nextBillingAt) : '—'}</td>
              {onCanceled ? (
                <td>
                  {s.status !== 'CANCELED' && !s.cancelAtPeriodEnd ? (
                    <CancelButton subscription={s} onCanceled={onCanceled} />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CancelButton({ subscription, onCanceled }: { subscription: Subscription; onCanceled: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useCommand(() => billingApi.cancel(subscription.subscriptionId));
  return (
    <>
      <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={`Cancel ${subscription.planName}`}>
        Cancel
      </button>
      {confirming ? (
        <ConfirmDialog
          title="Cancel subscription"
          message={`${subscription.planName} stays active until ${formatDate(subscription.currentPeriodEnd)} and is not charged again.`}
          confirmLabel="Cancel at period end"
          danger
          pending={cancel.pending}
          error={<ProblemAlert error={cancel.error} />}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            if (await cancel.submit(undefined)) {
              setConfirming(false);
              onCanceled();
            }
          }}
        />
      ) : null}
    </>
  );
}

function SubscribeForm({
  methods,
  subscribedPlans,
  onSubscribed,
}: {
  methods: PaymentMethod[];
  subscribedPlans: string[];
  onSubscribed: () => void;
}) {
  const plans = useLoad(() => billingApi.plans(), []);
  const recurring = (plans.data ?? []).filter((p) => p.interval === 'MONTH' && !subscribedPlans.includes(p.planId));
  const [planId, setPlanId] = useState('');
  const [methodId, setMethodId] = useState('');
  const [planProblem, setPlanProblem] = useState<string | null>(null);
  const chosenMethod = methodId || defaultMethodId(methods);
  const subscribe = useCommand((plan: string, commandId: string) => billingApi.subscribe(commandId, plan, chosenMethod || null));

  if (plans.data && recurring.length === 0) return null;
  return (
    <form
      className="card form"
      aria-labelledby="subscribe-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!planId) {
          setPlanProblem('Choose a monthly plan.');
          return;
        }
        setPlanProblem(null);
        if (await subscribe.submit(planId)) {
          setPlanId('');
          onSubscribed();
        }
      }}
    >
      <h2 id="subscribe-title">Subscribe to a monthly plan</h2>
      <ProblemAlert error={plans.error} />
      <Field id="subscribe-plan" label="Monthly plan" error={planProblem}>
        {(aria) => (
          <select {...aria} value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">Choose…</option>
            {recurring.map((p) => (
              <option key={p.planId} value={p.planId}>
                {p.name} — {formatCredits(p.aiCreditsUcr)} credits for {formatUsd(p.priceUsdCents)} a month
              </option>
            ))}
          </select>
        )}
      </Field>
      {methods.length > 0 ? (
        <MethodSelect id="subscribe-method" methods={methods} value={chosenMethod} onChange={setMethodId} />
      ) : (
        <div className="alert warning">Add a payment method in the Payment Methods tab first.</div>
      )}
      <ProblemAlert error={subscribe.error} />
      <Button type="submit" disabled={methods.length === 0} pending={subscribe.pending} pendingLabel="Subscribing…">
        Subscribe
      </Button>
    </form>
  );
}
