import { useEffect, useState, type FormEvent } from 'react';
import { get, post, put } from '../../api';
import { ConfirmDialog } from '../../components/Modal';
import { Badge, Button, Field, ProblemAlert, Spinner, fieldError, formError } from '../../components/ui';
import { useCommand, useLoad, type Loaded } from '../../hooks';
import { formatCredits, formatUsd, parseCredits, parseUsd } from '../../money';
import type { AccountSummary, CreditPlan } from '../../types';
import { humanStatus, statusBadge } from './billingApi';

const PLANS = '/api/portal/partner/credit-plans';

/** Settings → Customer Credit Plans (R16): create, archive, and choose which customers see which. */
export function CreditPlans() {
  const plans = useLoad(() => get<CreditPlan[]>(PLANS), []);
  return (
    <section className="page">
      <h1>Customer Credit Plans</h1>
      <p className="muted">
        Packages of AI credits your customers buy themselves from Billing &amp; Payments; a monthly plan renews each
        month.
      </p>
      <section className="card" aria-labelledby="plans-title">
        <h2 id="plans-title">Your plans</h2>
        <ProblemAlert error={plans.error} />
        {plans.data ? <PlanTable plans={plans.data} onArchived={() => void plans.reload()} /> : plans.loading ? <Spinner /> : null}
      </section>
      <div className="grid-2">
        <NewPlanForm onCreated={() => void plans.reload()} />
        <Visibility plans={plans} />
      </div>
    </section>
  );
}

function PlanTable({ plans, onArchived }: { plans: CreditPlan[]; onArchived: () => void }) {
  if (plans.length === 0) return <p className="muted">No plans yet. Create one below.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="credit-plans">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Credits
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Plan ID</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.planId}>
              <td>{plan.name}</td>
              <td className="num">{formatCredits(plan.aiCreditsUcr)}</td>
              <td className="num">{formatUsd(plan.priceUsdCents)}</td>
              <td>{plan.interval === 'MONTH' ? 'Monthly' : 'One-off'}</td>
              <td>
                <Badge kind={statusBadge(plan.status)}>{humanStatus(plan.status)}</Badge>
              </td>
              <td>
                <code>{plan.planId}</code>
              </td>
              <td>{plan.status === 'ACTIVE' ? <ArchiveButton plan={plan} onArchived={onArchived} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ArchiveButton({ plan, onArchived }: { plan: CreditPlan; onArchived: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const archive = useCommand(() => post<CreditPlan>(`${PLANS}/${encodeURIComponent(plan.planId)}/archive`, {}));
  return (
    <>
      <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Archive ${plan.name}`}>
        Archive
      </button>
      {confirming ? (
        <ConfirmDialog
          title="Archive plan"
          message={`Customers can no longer buy ${plan.name}. Existing subscriptions keep running.`}
          confirmLabel="Archive"
          danger
          pending={archive.pending}
          error={<ProblemAlert error={archive.error} />}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            if (await archive.submit(undefined)) {
              setConfirming(false);
              onArchived();
            }
          }}
        />
      ) : null}
    </>
  );
}

interface PlanBody {
  name: string;
  priceUsdCents: bigint;
  aiCreditsUcr: bigint;
  interval: 'MONTH' | null;
}

function NewPlanForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [credits, setCredits] = useState('');
  const [monthly, setMonthly] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useCommand((body: PlanBody) => post<CreditPlan>(PLANS, body));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    let priceUsdCents = 0n;
    let aiCreditsUcr = 0n;
    if (!name.trim()) found.name = 'Give the plan a name, e.g. 100 minutes — 60.';
    try {
      priceUsdCents = parseUsd(price);
    } catch (e) {
      found.priceUsdCents = (e as Error).message;
    }
    try {
      aiCreditsUcr = parseCredits(credits);
    } catch (e) {
      found.aiCreditsUcr = (e as Error).message;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const created = await create.submit({ name: name.trim(), priceUsdCents, aiCreditsUcr, interval: monthly ? 'MONTH' : null });
    if (created) {
      setName('');
      setPrice('');
      setCredits('');
      setMonthly(false);
      onCreated();
    }
  }

  const error = (field: string) => problems[field] ?? fieldError(create.error, field);
  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby="new-plan-title">
      <h2 id="new-plan-title">New plan</h2>
      <Field id="plan-name" label="Name" error={error('name')}>
        {(aria) => <input {...aria} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="100 minutes — 60" />}
      </Field>
      <Field id="plan-credits" label="AI credits" error={error('aiCreditsUcr')}>
        {(aria) => <input {...aria} inputMode="decimal" value={credits} onChange={(e) => setCredits(e.target.value)} placeholder="100" />}
      </Field>
      <Field id="plan-price" label="Price (USD)" error={error('priceUsdCents')}>
        {(aria) => <input {...aria} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} placeholder="60.00" />}
      </Field>
      <label className="switch" htmlFor="plan-monthly">
        <input id="plan-monthly" type="checkbox" checked={monthly} onChange={(e) => setMonthly(e.target.checked)} />
        Monthly subscription (renews each month)
      </label>
      <ProblemAlert error={formError(create.error, ['name', 'aiCreditsUcr', 'priceUsdCents'])} />
      <Button type="submit" pending={create.pending} pendingLabel="Creating…">
        Create plan
      </Button>
    </form>
  );
}

/** Which active plans one customer sees: all of them, or a chosen few. */
function Visibility({ plans }: { plans: Loaded<CreditPlan[]> }) {
  const customers = useLoad(() => get<AccountSummary[]>('/api/portal/partner/customers'), []);
  const [customer, setCustomer] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const active = (plans.data ?? []).filter((p) => p.status === 'ACTIVE');
  const path = (accountId: string) => `/api/portal/partner/customers/${encodeURIComponent(accountId)}`;
  const save = useCommand((planIds: string[] | null) => put<CreditPlan[]>(`${path(customer)}/credit-plan-visibility`, { planIds }));

  useEffect(() => {
    if (!customer) return;
    setSaved(null);
    void get<CreditPlan[]>(`${path(customer)}/credit-plans`).then((visible) => {
      const ids = visible.map((p) => p.planId);
      setChosen(ids);
      setAll(ids.length === active.length);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customer]);

  return (
    <form
      className="card form"
      aria-labelledby="visibility-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await save.submit(all ? null : chosen)) setSaved('Saved: the customer sees these plans from now on.');
      }}
    >
      <h2 id="visibility-title">Visible to a customer</h2>
      <ProblemAlert error={customers.error} />
      <Field id="visibility-customer" label="Customer">
        {(aria) => (
          <select {...aria} value={customer} onChange={(e) => setCustomer(e.target.value)}>
            <option value="">Choose…</option>
            {(customers.data ?? []).map((c) => (
              <option key={c.accountId} value={c.accountId}>
                {c.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      {customer ? (
        <>
          <label className="switch" htmlFor="visibility-all">
            <input id="visibility-all" type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            Every active plan
          </label>
          {all ? null : (
            <fieldset className="checks">
              <legend>Plans this customer sees</legend>
              {active.map((plan) => (
                <label key={plan.planId}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(plan.planId)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, plan.planId] : chosen.filter((id) => id !== plan.planId))
                    }
                  />{' '}
                  {plan.name}
                </label>
              ))}
            </fieldset>
          )}
          <ProblemAlert error={save.error} />
          {saved ? (
            <div className="alert success" role="status">
              {saved}
            </div>
          ) : null}
          <Button type="submit" pending={save.pending} pendingLabel="Saving…">
            Save visibility
          </Button>
        </>
      ) : null}
    </form>
  );
}
