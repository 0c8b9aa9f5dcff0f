import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { ConfirmDialog, Modal } from '../components/Modal';
import { Button, Credits, Field, ProblemAlert, Spinner, fieldError, formError } from '../components/ui';
import { formatDate } from '../format';
import { useCommand, useLoad } from '../hooks';
import { formatCredits, parseCredits } from '../money';
import {
  FormProblem,
  createKeyBody,
  emptyCreateKeyForm,
  multiplierLabel,
  quickStart,
  rateLimitLabel,
  spentPercent,
  usd,
  type BillingPreview,
  type BudgetPreview,
  type CreateKeyForm,
  type PartnerKey,
  type SnippetLanguage,
} from '../partnerKeys';
import type { AccountSummary, Model } from '../types';
import { groupByTier, tierLabel } from './CustomerGateway';

const BASE = '/api/portal/partner/gateway';
const keyPath = (keyId: string, action: string) => `${BASE}/keys/${encodeURIComponent(keyId)}/${action}`;

/** The quick start (seed: Python, Node.js, cURL) with the gateway's public base URL. */
export function QuickStart() {
  const start = useLoad(() => get<{ baseUrl: string }>(`${BASE}/quick-start`), []);
  const [language, setLanguage] = useState<SnippetLanguage>('python');
  const tabs: [SnippetLanguage, string][] = [
    ['python', 'Python'],
    ['node', 'Node.js'],
    ['curl', 'cURL'],
  ];
  return (
    <section className="card" aria-labelledby="quick-start-title">
      <h2 id="quick-start-title">Quick start</h2>
      <p className="muted">
        OpenAI compatible: use the OpenAI SDK and swap the base URL to{' '}
        <code data-testid="gateway-base-url">{start.data?.baseUrl ?? '…'}</code>.
      </p>
      <div role="tablist" aria-label="Language" className="tabs">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={language === id}
            className={language === id ? 'tab active' : 'tab secondary'}
            onClick={() => setLanguage(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <ProblemAlert error={start.error} />
      {start.data ? (
        <pre className="snippet" data-testid="quick-start-snippet">
          <code>{quickStart(language, start.data.baseUrl)}</code>
        </pre>
      ) : null}
    </section>
  );
}

/** R10, R11: the partner's AI Gateway keys table with Top Up, Regenerate, Revoke and Create Key. */
export function PartnerKeysSection() {
  const keys = useLoad(() => get<PartnerKey[]>(`${BASE}/keys`), []);
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<PartnerKey | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const all = keys.data ?? [];
  const revokedCount = all.filter((k) => k.status === 'REVOKED').length;
  const shown = showRevoked ? all : all.filter((k) => k.status !== 'REVOKED');
  const reveal = (key: PartnerKey) => {
    setRevealed(key);
    void keys.reload();
  };

  return (
    <section className="card" aria-labelledby="partner-keys-title">
      <div className="card-head">
        <h2 id="partner-keys-title">AI Gateway Keys</h2>
        <button type="button" onClick={() => setCreating(true)}>
          Create Key
        </button>
      </div>
      {revealed ? <SecretBanner apiKey={revealed} onHide={() => setRevealed(null)} /> : null}
      <ProblemAlert error={keys.error} />
      {keys.data ? (
        <>
          <KeysTable keys={shown} onChanged={() => void keys.reload()} onSecret={reveal} />
          {revokedCount > 0 ? (
            <label className="switch small-switch" htmlFor="show-revoked-partner-keys">
              <input
                id="show-revoked-partner-keys"
                type="checkbox"
                checked={showRevoked}
                onChange={(e) => setShowRevoked(e.target.checked)}
              />
              Show {revokedCount} revoked {revokedCount === 1 ? 'key' : 'keys'}
            </label>
          ) : null}
        </>
      ) : keys.loading ? (
        <Spinner />
      ) : null}
      {creating ? (
        <CreateKeyModal
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            reveal(key);
          }}
        />
      ) : null}
    </section>
  );
}

function KeysTable({
  keys,
  onChanged,
  onSecret,
}: {
  keys: PartnerKey[];
  onChanged: () => void;
  onSecret: (key: PartnerKey) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (keys.length === 0) return <p className="muted">No keys yet. Create one to start.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Budget vs spend</th>
            <th scope="col">Allowed models</th>
            <th scope="col">Status</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <Fragment key={key.keyId}>
              <tr data-testid={`partner-key-${key.keyId}`}>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={open === key.keyId}
                    aria-controls={`details-${key.keyId}`}
                    onClick={() => setOpen(open === key.keyId ? null : key.keyId)}
                  >
                    {key.name}
                  </button>
                  {key.customerId ? <div className="muted small">Bills {key.customerId}</div> : null}
                </td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>
                  <div className="small">
                    {key.spentUcr == null ? '—' : formatCredits(key.spentUcr)} /{' '}
                    {key.budgetUcr == null ? '—' : formatCredits(key.budgetUcr)}
                  </div>
                  <progress max={100} value={spentPercent(key)} aria-label={`${key.name} budget spent`} />
                </td>
                <td>{(key.allowedModels ?? []).join(', ')}</td>
                <td>
                  <span className={`badge status-${key.status.toLowerCase()}`}>{key.status}</span>
                </td>
                <td className="date">{key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}</td>
                <td className="row-actions">
                  {key.status === 'REVOKED' ? null : (
                    <>
                      <TopUpButton apiKey={key} onDone={onChanged} />
                      <RegenerateButton apiKey={key} onDone={onSecret} />
                      <RevokeButton apiKey={key} onDone={onChanged} />
                    </>
                  )}
                </td>
              </tr>
              {open === key.keyId ? (
                <tr id={`details-${key.keyId}`} className="details-row">
                  <td colSpan={7}>
                    <KeyDetails apiKey={key} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyDetails({ apiKey: key }: { apiKey: PartnerKey }) {
  const auto = key.autoTopUp;
  return (
    <dl className="details" data-testid="key-details">
      <dt>Credits reserved</dt>
      <dd>
        <Credits ucr={key.budgetUcr} />
      </dd>
      <dt>Credits used</dt>
      <dd>
        <Credits ucr={key.spentUcr} />
      </dd>
      <dt>Credits remaining</dt>
      <dd>
        <Credits ucr={key.remainingUcr} />
      </dd>
      <dt>Held for requests in flight</dt>
      <dd>
        <Credits ucr={key.reservedUcr} />
      </dd>
      <dt>Platform fee paid</dt>
      <dd>
        <Credits ucr={key.platformFeeUcr} />
      </dd>
      <dt>Profit multiplier</dt>
      <dd>{multiplierLabel(key.profitMultiplierPercent)}</dd>
      <dt>Credit price</dt>
      <dd>{key.aiCreditPriceUcr == null ? '—' : `${formatCredits(key.aiCreditPriceUcr)} platform credits per AI credit`}</dd>
      <dt>Rate limits</dt>
      <dd>{rateLimitLabel(key.rateLimits)}</dd>
      <dt>Expiry</dt>
      <dd>{key.expiresAt ? formatDate(key.expiresAt) : 'Never'}</dd>
      <dt>Auto top-up</dt>
      <dd>
        {auto
          ? `Adds ${usd(auto.amountCents)} below ${usd(auto.thresholdCents)}; ${auto.topUps} top-ups so far${auto.lastResult ? ` (last: ${auto.lastResult})` : ''}`
          : 'Off'}
      </dd>
      <dt>Allowed domains</dt>
      <dd>{key.allowedDomains && key.allowedDomains.length > 0 ? key.allowedDomains.join(', ') : 'Any'}</dd>
      {key.description ? (
        <>
          <dt>Description</dt>
          <dd>{key.description}</dd>
        </>
      ) : null}
    </dl>
  );
}

function TopUpButton({ apiKey, onDone }: { apiKey: PartnerKey; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const topUp = useCommand((amountUcr: bigint, commandId: string) =>
    post<PartnerKey>(keyPath(apiKey.keyId, 'top-ups'), { commandId, amountUcr }),
  );
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    let amountUcr: bigint;
    try {
      amountUcr = parseCredits(amount);
    } catch (e) {
      setProblem((e as Error).message);
      return;
    }
    setProblem(null);
    if (await topUp.submit(amountUcr)) {
      setOpen(false);
      onDone();
    }
  }
  return (
    <>
      <button type="button" className="secondary small" onClick={() => setOpen(true)} aria-label={`Top up ${apiKey.name}`}>
        Top Up
      </button>
      {open ? (
        <Modal title={`Top up “${apiKey.name}”`} onClose={() => setOpen(false)}>
          <form className="form" onSubmit={onSubmit}>
            <Field
              id="top-up-amount"
              label="Amount (credits)"
              hint="Reserved from your platform credits, plus your tier's platform fee."
              error={problem ?? fieldError(topUp.error, 'amountUcr')}
            >
              {(aria) => <input {...aria} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
            </Field>
            <ProblemAlert error={formError(topUp.error, ['amountUcr'])} />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <Button type="submit" pending={topUp.pending} pendingLabel="Topping up…">
                Top Up
              </Button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}

function RegenerateButton({ apiKey, onDone }: { apiKey: PartnerKey; onDone: (key: PartnerKey) => void }) {
  const [confirming, setConfirming] = useState(false);
  const regenerate = useCommand((_: void, commandId: string) =>
    post<PartnerKey>(keyPath(apiKey.keyId, 'regenerate'), { commandId }),
  );
  return (
    <>
      <button type="button" className="secondary small" onClick={() => setConfirming(true)} aria-label={`Regenerate ${apiKey.name}`}>
        Regenerate
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`Regenerate “${apiKey.name}”?`}
          message="The current key stops working immediately. Applications need the new key, shown once."
          confirmLabel="Regenerate key"
          pending={regenerate.pending}
          error={<ProblemAlert error={regenerate.error} />}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            const key = await regenerate.submit();
            if (key) {
              setConfirming(false);
              onDone(key);
            }
          }}
        />
      ) : null}
    </>
  );
}

function RevokeButton({ apiKey, onDone }: { apiKey: PartnerKey; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useCommand((_: void, commandId: string) => post<PartnerKey>(keyPath(apiKey.keyId, 'revoke'), { commandId }));
  return (
    <>
      <button type="button" className="danger small" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`Revoke “${apiKey.name}”?`}
          message="Applications using this key stop working at once and this cannot be undone. The unused reserve goes back to your platform credits."
          confirmLabel="Revoke key"
          danger
          pending={revoke.pending}
          error={<ProblemAlert error={revoke.error} />}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            if (await revoke.submit()) {
              setConfirming(false);
              onDone();
            }
          }}
        />
      ) : null}
    </>
  );
}

/** Asks the gateway for the budget's fee and total while the partner types. */
function useBudgetPreview(budget: string): BudgetPreview | null {
  const [preview, setPreview] = useState<BudgetPreview | null>(null);
  useEffect(() => {
    let budgetUcr: bigint;
    try {
      budgetUcr = parseCredits(budget);
    } catch {
      setPreview(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      post<BudgetPreview>(`${BASE}/budget-preview`, { budgetUcr })
        .then((p) => current && setPreview(p))
        .catch(() => current && setPreview(null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [budget]);
  return preview;
}

const PREVIEW_TOKENS_IN = 1_000_000;
const PREVIEW_TOKENS_OUT = 1_000_000;

/** What 1M input and 1M output tokens of the first chosen model cost and charge the customer. */
function useBillingPreview(form: CreateKeyForm): BillingPreview | null {
  const [preview, setPreview] = useState<BillingPreview | null>(null);
  const model = form.models[0];
  const { billCustomer, profitMultiplierPercent, aiCreditPriceCents } = form;
  useEffect(() => {
    if (!billCustomer || !model || !/^\d{1,6}$/.test(profitMultiplierPercent) || !/^\d{1,9}(\.\d{1,6})?$/.test(aiCreditPriceCents)) {
      setPreview(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      post<BillingPreview>(`${BASE}/billing-preview`, {
        model,
        tokensIn: PREVIEW_TOKENS_IN,
        tokensOut: PREVIEW_TOKENS_OUT,
        profitMultiplierPercent: Number(profitMultiplierPercent),
        aiCreditPriceCents,
      })
        .then((p) => current && setPreview(p))
        .catch(() => current && setPreview(null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [billCustomer, model, profitMultiplierPercent, aiCreditPriceCents]);
  return preview;
}

const FORM_FIELDS = [
  'name',
  'description',
  'budgetUcr',
  'allowedModels',
  'customerBilling.accountId',
  'profitMultiplierPercent',
  'customerBilling.aiCreditPriceCents',
  'minCostFloorPerMillionTokensUcr',
  'autoTopUp.thresholdUsdCents',
  'autoTopUp.amountUsdCents',
  'allowedDomains',
  'requestsPerMinute',
  'tokensPerMinute',
  'expiresAt',
];

export function CreateKeyModal({ onClose, onCreated }: { onClose: () => void; onCreated: (key: PartnerKey) => void }) {
  const models = useLoad(() => get<Model[]>(`${BASE}/models`), []);
  const customers = useLoad(() => get<AccountSummary[]>('/api/portal/partner/customers'), []);
  const [form, setForm] = useState<CreateKeyForm>(emptyCreateKeyForm);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const budgetPreview = useBudgetPreview(form.budget);
  const billingPreview = useBillingPreview(form);
  const create = useCommand((body: (commandId: string) => Record<string, unknown>, commandId: string) =>
    post<PartnerKey>(`${BASE}/keys`, body(commandId)),
  );
  const set = <K extends keyof CreateKeyForm>(name: K, value: CreateKeyForm[K]) => setForm((f) => ({ ...f, [name]: value }));
  const errorOf = (field: string) => (problem?.field === field ? problem.message : fieldError(create.error, field));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      createKeyBody(form, 'check');
    } catch (e) {
      if (e instanceof FormProblem) {
        setProblem(e);
        return;
      }
      throw e;
    }
    setProblem(null);
    const key = await create.submit((commandId) => createKeyBody(form, commandId));
    if (key) onCreated(key);
  }

  const toggleModel = (model: string, on: boolean) =>
    set('models', on ? [...form.models, model] : form.models.filter((m) => m !== model));
  const text = (name: keyof CreateKeyForm) => ({
    value: form[name] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(name, e.target.value as never),
  });

  return (
    <Modal title="Create Key" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="pk-name" label="Key Name" error={errorOf('name')}>
          {(aria) => <input {...aria} required maxLength={100} autoComplete="off" {...text('name')} />}
        </Field>
        <Field id="pk-description" label="Description" error={errorOf('description')}>
          {(aria) => <textarea {...aria} rows={2} maxLength={500} {...text('description')} />}
        </Field>
        <Field id="pk-budget" label="Budget (credits)" hint="100 credits = $1.00 USD, reserved from your platform credits." error={errorOf('budgetUcr')}>
          {(aria) => <input {...aria} inputMode="decimal" {...text('budget')} />}
        </Field>
        {budgetPreview?.totalUcr != null ? (
          <div className="alert info" data-testid="budget-total">
            {budgetPreview.tier} tier platform fee {budgetPreview.platformFeePercent}%: {formatCredits(budgetPreview.platformFeeUcr)} credits.
            Total required: <strong>{formatCredits(budgetPreview.totalUcr)} credits</strong>.
          </div>
        ) : null}
        <fieldset aria-describedby={errorOf('allowedModels') ? 'pk-models-error' : undefined}>
          <legend>Allowed Models</legend>
          {models.error ? <ProblemAlert error={models.error} /> : null}
          {models.loading && !models.data ? <Spinner label="Loading models…" /> : null}
          {groupByTier(models.data ?? []).map(([tier, group]) => (
            <div key={tier} className="tier-group">
              <div className="tier-heading">{tierLabel(tier)}</div>
              {group.map((m) => (
                <label key={m.model} className="check">
                  <input type="checkbox" value={m.model} checked={form.models.includes(m.model)} onChange={(e) => toggleModel(m.model, e.target.checked)} />{' '}
                  {m.model}
                </label>
              ))}
            </div>
          ))}
          {errorOf('allowedModels') ? (
            <div id="pk-models-error" className="field-error" role="alert">
              {errorOf('allowedModels')}
            </div>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Customer Billing (optional)</legend>
          <label className="check">
            <input type="checkbox" checked={form.billCustomer} onChange={(e) => set('billCustomer', e.target.checked)} /> Assign to a customer and bill
            its AI credits
          </label>
          {form.billCustomer ? (
            <>
              <Field id="pk-customer" label="Assign to Customer" error={errorOf('customerBilling.accountId')}>
                {(aria) => (
                  <select {...aria} {...text('customerAccountId')}>
                    <option value="">Choose a customer…</option>
                    {(customers.data ?? []).map((c) => (
                      <option key={c.accountId} value={c.accountId}>
                        {c.displayName}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="pk-multiplier" label="Profit Multiplier (%)" hint="150 charges 1.5× the platform cost." error={errorOf('profitMultiplierPercent')}>
                {(aria) => <input {...aria} inputMode="numeric" {...text('profitMultiplierPercent')} />}
              </Field>
              <Field id="pk-price" label="Price per AI Credit (cents)" error={errorOf('customerBilling.aiCreditPriceCents')}>
                {(aria) => <input {...aria} inputMode="decimal" {...text('aiCreditPriceCents')} />}
              </Field>
              <Field id="pk-floor" label="Min Cost Floor per 1M Tokens (credits, optional)" error={errorOf('minCostFloorPerMillionTokensUcr')}>
                {(aria) => <input {...aria} inputMode="decimal" {...text('minCostFloorCredits')} />}
              </Field>
              {billingPreview?.customerChargeAiUcr != null ? (
                <div className="alert info" data-testid="billing-preview">
                  Billing Preview for 1M input + 1M output tokens of {billingPreview.model}: costs you{' '}
                  {formatCredits(billingPreview.platformCostUcr)} platform credits; the customer is charged{' '}
                  {formatCredits(billingPreview.customerChargeAiUcr)} AI credits (worth {formatCredits(billingPreview.customerChargePlatformEquivalentUcr)}{' '}
                  platform credits).
                </div>
              ) : (
                <p className="muted small">Choose a model to see the billing preview.</p>
              )}
            </>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Auto Top-Up</legend>
          <label className="check">
            <input type="checkbox" checked={form.autoTopUp} onChange={(e) => set('autoTopUp', e.target.checked)} /> Enable Auto Top-Up
          </label>
          {form.autoTopUp ? (
            <>
              <Field id="pk-threshold" label="Trigger Threshold (USD)" error={errorOf('autoTopUp.thresholdUsdCents')}>
                {(aria) => <input {...aria} inputMode="decimal" {...text('autoTopUpThresholdUsd')} />}
              </Field>
              <Field id="pk-topup" label="Top-Up Amount (USD)" error={errorOf('autoTopUp.amountUsdCents')}>
                {(aria) => <input {...aria} inputMode="decimal" {...text('autoTopUpAmountUsd')} />}
              </Field>
            </>
          ) : null}
        </fieldset>
        <Field id="pk-domains" label="Allowed Domains (optional)" hint="One per line; empty allows any." error={errorOf('allowedDomains')}>
          {(aria) => <textarea {...aria} rows={2} {...text('allowedDomains')} />}
        </Field>
        <div className="grid-2">
          <Field id="pk-rpm" label="Requests per minute (optional)" error={errorOf('requestsPerMinute')}>
            {(aria) => <input {...aria} inputMode="numeric" {...text('requestsPerMinute')} />}
          </Field>
          <Field id="pk-tpm" label="Tokens per minute (optional)" error={errorOf('tokensPerMinute')}>
            {(aria) => <input {...aria} inputMode="numeric" {...text('tokensPerMinute')} />}
          </Field>
        </div>
        <Field id="pk-expiry" label="Expires on (optional)" error={errorOf('expiresAt')}>
          {(aria) => <input {...aria} type="date" {...text('expiresOn')} />}
        </Field>
        <ProblemAlert error={formError(create.error, FORM_FIELDS)} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <Button type="submit" pending={create.pending} pendingLabel="Creating…">
            Create Key
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function SecretBanner({ apiKey, onHide }: { apiKey: PartnerKey; onHide: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey.secret ?? '');
      setCopied('Copied');
    } catch {
      setCopied('Copying is blocked here: select the key and copy it by hand');
    }
  }
  return (
    <div className="alert success secret" role="status" data-testid="partner-secret-banner">
      <strong>Key “{apiKey.name}” is ready. Copy it now: it will not be shown again.</strong>
      <div className="secret-row">
        <code className="secret-value" data-testid="partner-secret-value">
          {apiKey.secret}
        </code>
        <button type="button" className="secondary" onClick={copy}>
          Copy
        </button>
        <span aria-live="polite" className="small">
          {copied}
        </span>
      </div>
      <button type="button" className="link" onClick={onHide}>
        I have copied it — hide
      </button>
    </div>
  );
}
