import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../components/Modal';
import { Badge, Button, Field, ProblemAlert, Spinner, fieldError, formError } from '../../components/ui';
import { useCommand, type Loaded } from '../../hooks';
import type { PaymentMethod } from '../../types';
import { billingApi, methodLabel, type NewCard } from './billingApi';

export const DEFAULT_CHARGED_TEXT =
  'Your default payment method is charged automatically for new invoices, including subscription renewals.';

/** The Payment Methods tab (R17): add a card, make one the default, delete one. */
export function PaymentMethods({ methods }: { methods: Loaded<PaymentMethod[]> }) {
  const list = methods.data ?? [];
  const hasDefault = list.some((m) => m.isDefault);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="methods-title">
        <h2 id="methods-title">Saved payment methods</h2>
        {hasDefault ? (
          <div className="alert info" data-testid="default-charged">
            {DEFAULT_CHARGED_TEXT}
          </div>
        ) : null}
        <ProblemAlert error={methods.error} />
        {methods.data ? (
          list.length === 0 ? (
            <p className="muted">No payment method yet. Add a card to pay invoices and buy credits.</p>
          ) : (
            <ul className="method-list">
              {list.map((method) => (
                <MethodRow key={method.methodId} method={method} onChanged={() => void methods.reload()} />
              ))}
            </ul>
          )
        ) : methods.loading ? (
          <Spinner />
        ) : null}
      </section>
      <AddCardForm onAdded={() => void methods.reload()} />
    </div>
  );
}

function MethodRow({ method, onChanged }: { method: PaymentMethod; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const makeDefault = useCommand(() => billingApi.makeDefault(method.methodId));
  const remove = useCommand(() => billingApi.deleteMethod(method.methodId));
  const label = methodLabel(method);
  return (
    <li className="method-row">
      <span>
        {label} {method.isDefault ? <Badge kind="status-active">Default</Badge> : null}
      </span>
      <span className="row-actions">
        {method.isDefault ? null : (
          <Button
            type="button"
            className="secondary"
            pending={makeDefault.pending}
            aria-label={`Set ${label} as default`}
            onClick={async () => {
              await makeDefault.submit(undefined);
              onChanged();
            }}
          >
            Set default
          </Button>
        )}
        <Button
          type="button"
          className="danger"
          pending={remove.pending}
          aria-label={`Delete ${label}`}
          onClick={() => setConfirming(true)}
        >
          Delete
        </Button>
      </span>
      <ProblemAlert error={makeDefault.error ?? remove.error} />
      {confirming ? (
        <ConfirmDialog
          title="Delete payment method"
          message={`Delete ${label}? It can no longer be charged.`}
          confirmLabel="Delete"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            await remove.submit(undefined);
            onChanged();
          }}
        />
      ) : null}
    </li>
  );
}

/** Reads the typed card; a message per field the person can act on, without asking the server. */
export function readCard(number: string, month: string, year: string): { card?: NewCard; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) problems.number = 'Enter the card number: 12 to 19 digits.';
  const m = Number.parseInt(month, 10);
  if (!/^\d{1,2}$/.test(month.trim()) || m < 1 || m > 12) problems.expMonth = 'Enter the month, 1 to 12.';
  const y = Number.parseInt(year, 10);
  if (!/^\d{4}$/.test(year.trim())) problems.expYear = 'Enter the year with 4 digits, e.g. 2030.';
  if (Object.keys(problems).length > 0) return { problems };
  return { card: { number: digits, expMonth: m, expYear: y }, problems };
}

export function AddCardForm({ onAdded, title = 'Add a card' }: { onAdded: (method: PaymentMethod) => void; title?: string }) {
  const [number, setNumber] = useState('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useCommand((card: NewCard) => billingApi.addMethod(card));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const read = readCard(number, month, year);
    setProblems(read.problems);
    if (!read.card) return;
    const added = await add.submit(read.card);
    if (added) {
      setNumber('');
      setMonth('');
      setYear('');
      onAdded(added);
    }
  }

  const fields = ['card.number', 'card.expMonth', 'card.expYear', 'number'];
  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby="add-card-title">
      <h2 id="add-card-title">{title}</h2>
      <p className="muted small">Test mode: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.</p>
      <Field
        id="card-number"
        label="Card number"
        error={problems.number ?? fieldError(add.error, 'card.number') ?? fieldError(add.error, 'number')}
      >
        {(aria) => (
          <input
            {...aria}
            inputMode="numeric"
            autoComplete="cc-number"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="4242 4242 4242 4242"
            maxLength={23}
          />
        )}
      </Field>
      <div className="grid-2 compact">
        <Field id="card-month" label="Expiry month" error={problems.expMonth ?? fieldError(add.error, 'card.expMonth')}>
          {(aria) => (
            <input {...aria} inputMode="numeric" autoComplete="cc-exp-month" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="12" maxLength={2} />
          )}
        </Field>
        <Field id="card-year" label="Expiry year" error={problems.expYear ?? fieldError(add.error, 'card.expYear')}>
          {(aria) => (
            <input {...aria} inputMode="numeric" autoComplete="cc-exp-year" value={year} onChange={(e) => setYear(e.target.value)} placeholder="2030" maxLength={4} />
          )}
        </Field>
      </div>
      <ProblemAlert error={formError(add.error, fields)} />
      <Button type="submit" pending={add.pending} pendingLabel="Saving card…">
        Save card
      </Button>
    </form>
  );
}

/** A saved method to charge; "default" leaves the choice to billing. */
export function MethodSelect({
  id,
  methods,
  value,
  onChange,
  error,
}: {
  id: string;
  methods: PaymentMethod[];
  value: string;
  onChange: (methodId: string) => void;
  error?: string | null;
}) {
  return (
    <Field id={id} label="Pay with" error={error}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          {methods.map((method) => (
            <option key={method.methodId} value={method.methodId}>
              {methodLabel(method)}
              {method.isDefault ? ' — default' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function defaultMethodId(methods: PaymentMethod[] | undefined): string {
  if (!methods || methods.length === 0) return '';
  return (methods.find((m) => m.isDefault) ?? methods[0]).methodId;
}
