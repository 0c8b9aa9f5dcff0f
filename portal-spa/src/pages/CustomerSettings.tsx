import { useEffect, useState, type FormEvent } from 'react';
import { get, put } from '../api';
import { Button, Field, ProblemAlert, Spinner, fieldError, formError } from '../components/ui';
import {
  TOGGLES,
  aiCreditsBody,
  aiCreditsForm,
  lockOf,
  parseApps,
  withToggle,
  type AiCreditsForm,
  type AiGatewayCheck,
  type Features,
  type FeaturesView,
  type ToggleField,
} from '../customerFeatures';
import { useCommand, useLoad } from '../hooks';

const base = (accountId: string) => `/api/portal/partner/customers/${encodeURIComponent(accountId)}`;

/** The Manage panel's AI Credit Management (R13) and Features & Add-ons (R2-R6) sections. */
export function CustomerSettings({ accountId, onAiCreditsChanged }: { accountId: string; onAiCreditsChanged: () => void }) {
  const view = useLoad(() => get<FeaturesView>(`${base(accountId)}/features`), [accountId]);
  const [checkVersion, setCheckVersion] = useState(0);
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!view.data) return <Spinner />;
  const changed = async () => {
    await view.reload();
    setCheckVersion((v) => v + 1);
  };
  return (
    <>
      <AiCreditManagement
        accountId={accountId}
        view={view.data}
        onSaved={async () => {
          await changed();
          onAiCreditsChanged();
        }}
      />
      <FeaturesAddons accountId={accountId} view={view.data} onSaved={changed} />
      <AiGatewayCheckCard accountId={accountId} version={checkVersion} />
    </>
  );
}

export function AiCreditManagement({ accountId, view, onSaved }: { accountId: string; view: FeaturesView; onSaved: () => void }) {
  const [form, setForm] = useState<AiCreditsForm>(() => aiCreditsForm(view.aiCredits));
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  useEffect(() => setForm(aiCreditsForm(view.aiCredits)), [view.aiCredits]);
  const save = useCommand((body: (commandId: string) => unknown, commandId: string) =>
    put<FeaturesView>(`${base(accountId)}/ai-credits`, body(commandId)),
  );
  const errorOf = (field: string) => (problem?.field === field ? problem.message : fieldError(save.error, field));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      aiCreditsBody(form, 'check');
    } catch (e) {
      setProblem({ field: String((e as Error).cause), message: (e as Error).message });
      return;
    }
    setProblem(null);
    if (await save.submit((commandId) => aiCreditsBody(form, commandId))) onSaved();
  }

  return (
    <section className="card" aria-labelledby="ai-credit-management-title">
      <h2 id="ai-credit-management-title">AI Credit Management</h2>
      <form className="form" aria-label="AI Credit Management" onSubmit={onSubmit} noValidate>
        <label className="switch" htmlFor="ai-credits-enabled">
          <input
            id="ai-credits-enabled"
            type="checkbox"
            role="switch"
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
          />
          AI Credits Enabled
        </label>
        <p className="muted small">
          With AI credits the customer's usage is deducted from its own AI credits; without them it uses your platform
          credits directly. Turning them on turns Show Pricing Information off.
        </p>
        <div className="grid-2">
          <Field id="price-per-minute" label="AI Credit Price Per Minute (credits)" error={errorOf('pricePerMinuteUcr')}>
            {(aria) => <input {...aria} inputMode="decimal" value={form.pricePerMinute} onChange={(e) => setForm({ ...form, pricePerMinute: e.target.value })} />}
          </Field>
          <Field id="grace-seconds" label="Grace Period (seconds)" hint="Lets a call finish slightly over the limit." error={errorOf('graceSeconds')}>
            {(aria) => <input {...aria} inputMode="numeric" value={form.graceSeconds} onChange={(e) => setForm({ ...form, graceSeconds: e.target.value })} />}
          </Field>
          <Field id="low-credit-threshold" label="Low Credit Threshold (credits)" error={errorOf('lowCreditThresholdUcr')}>
            {(aria) => (
              <input {...aria} inputMode="decimal" value={form.lowCreditThreshold} onChange={(e) => setForm({ ...form, lowCreditThreshold: e.target.value })} />
            )}
          </Field>
          <label className="switch" htmlFor="low-credit-notifications">
            <input
              id="low-credit-notifications"
              type="checkbox"
              role="switch"
              checked={form.lowCreditNotifications}
              onChange={(e) => setForm({ ...form, lowCreditNotifications: e.target.checked })}
            />
            Low Credit Notifications Enabled
          </label>
        </div>
        <ProblemAlert error={formError(save.error, ['pricePerMinuteUcr', 'graceSeconds', 'lowCreditThresholdUcr'])} />
        <div className="actions">
          <Button type="submit" pending={save.pending} pendingLabel="Saving…">
            Save AI credit settings
          </Button>
        </div>
      </form>
    </section>
  );
}

export function FeaturesAddons({ accountId, view, onSaved }: { accountId: string; view: FeaturesView; onSaved: () => void }) {
  const [apps, setApps] = useState(view.features.integrationApps.join('\n'));
  useEffect(() => setApps(view.features.integrationApps.join('\n')), [view.features.integrationApps]);
  const save = useCommand((features: Features) => put<FeaturesView>(`${base(accountId)}/features`, features));

  async function change(features: Features) {
    if (await save.submit(features)) onSaved();
  }
  const toggle = (field: ToggleField, on: boolean) => void change(withToggle({ ...view.features, integrationApps: parseApps(apps) }, field, on));

  return (
    <section className="card" aria-labelledby="features-title">
      <h2 id="features-title">Features &amp; Add-ons</h2>
      <ul className="toggles">
        {TOGGLES.map(({ field, label, note }) => {
          const lock = lockOf(view, field);
          const on = view.features[field];
          return (
            <li key={field}>
              <label className="switch" htmlFor={`feature-${field}`}>
                <input
                  id={`feature-${field}`}
                  type="checkbox"
                  role="switch"
                  checked={on}
                  disabled={save.pending || (lock != null && !on)}
                  aria-describedby={lock || note ? `feature-${field}-note` : undefined}
                  onChange={(e) => toggle(field, e.target.checked)}
                />
                {label}
                {field === 'myDocsAndMedia' ? <span className="badge soon">Coming Soon</span> : null}
              </label>
              {lock || note ? (
                <div id={`feature-${field}-note`} className="muted small">
                  {lock ? `Locked: ${lock}.` : note}
                </div>
              ) : null}
              {field === 'integration' && on ? (
                <div className="field">
                  <label htmlFor="integration-apps">Allowed integration apps (one a line)</label>
                  <textarea id="integration-apps" rows={3} value={apps} onChange={(e) => setApps(e.target.value)} />
                  <button type="button" className="secondary small" onClick={() => void change({ ...view.features, integrationApps: parseApps(apps) })}>
                    Save apps
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ProblemAlert error={save.error} />
    </section>
  );
}

/** R5: why the customer does or does not see AI Gateway, the seed's four conditions in order. */
export function AiGatewayCheckCard({ accountId, version }: { accountId: string; version: number }) {
  const [asked, setAsked] = useState(false);
  const check = useLoad(
    () => (asked ? get<AiGatewayCheck>(`${base(accountId)}/ai-gateway-check`) : Promise.resolve(undefined)),
    [accountId, asked, version],
  );
  return (
    <section className="card" aria-labelledby="ai-gateway-check-title">
      <h2 id="ai-gateway-check-title">Why can’t this customer see AI Gateway?</h2>
      {!asked ? (
        <button type="button" className="secondary" onClick={() => setAsked(true)}>
          Check AI Gateway access
        </button>
      ) : null}
      <ProblemAlert error={check.error} />
      {check.data ? (
        <>
          <p data-testid="ai-gateway-verdict" className={check.data.visible ? 'alert success' : 'alert warning'}>
            {check.data.explanation}
          </p>
          <ol className="checks">
            {check.data.checks.map((c) => (
              <li key={c.condition} className={c.met ? 'met' : 'unmet'}>
                <span aria-hidden="true">{c.met ? '✓' : '✗'}</span> {c.label}
                <span className="visually-hidden">{c.met ? ' (met)' : ' (not met)'}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
