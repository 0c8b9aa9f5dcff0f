import { useEffect, useState } from 'react';
import { Button, Credits, Field, ProblemAlert, Spinner, fieldError, formError } from '../../components/ui';
import { formatDate } from '../../format';
import { useCommand, useLoad } from '../../hooks';
import { formatCredits, formatUsd } from '../../money';
import { autoTopUpApi, autoTopUpPath, plansPath, readAutoTopUpForm, statusText, stopReason } from './autoTopUp';

/**
 * Auto top-up of a customer's AI credits (R21): below the threshold, the chosen credit plan is
 * bought once with the default card. Shown to the partner in the customer's Manage panel
 * ({@code customerAccountId}) and to the customer in its AI Credits tab (null).
 */
export function AutoTopUpCard({ customerAccountId }: { customerAccountId: string | null }) {
  const path = autoTopUpPath(customerAccountId);
  const state = useLoad(() => autoTopUpApi.read(path), [path]);
  const plans = useLoad(() => autoTopUpApi.plans(plansPath(customerAccountId)), [customerAccountId]);
  const [threshold, setThreshold] = useState('');
  const [planId, setPlanId] = useState('');
  const [errors, setErrors] = useState<{ threshold?: string; planId?: string }>({});
  const save = useCommand((settings: Parameters<typeof autoTopUpApi.save>[1]) => autoTopUpApi.save(path, settings));
  const off = useCommand(() => autoTopUpApi.off(path));
  const s = state.data;

  useEffect(() => {
    if (s && s.status !== 'OFF') {
      setThreshold(s.thresholdUcr == null ? '' : formatCredits(s.thresholdUcr, 0).replace(/,/g, ''));
      setPlanId(s.planId ?? '');
    }
  }, [s]);

  async function onSave(event: React.FormEvent) {
    event.preventDefault();
    const form = readAutoTopUpForm(threshold, planId, plans.data ?? []);
    if ('errors' in form) {
      setErrors(form.errors);
      return;
    }
    setErrors({});
    if (await save.submit(form.settings)) void state.reload();
  }

  async function onOff() {
    await off.submit(undefined);
    void state.reload();
  }

  const planName = (id: string | null) => plans.data?.find((p) => p.planId === id)?.name ?? id;
  return (
    <div className="card stack" aria-labelledby="auto-top-up-title">
      <h3 id="auto-top-up-title">Auto top-up</h3>
      <ProblemAlert error={state.error ?? plans.error} />
      {s ? (
        <>
          <p data-testid="auto-top-up-status" className={s.status === 'FAILED' ? 'alert error' : undefined}>
            {statusText(s)}
          </p>
          {s.lastCharge ? (
            <p className="muted" data-testid="auto-top-up-last-charge">
              Last charge {formatDate(s.lastCharge.createdAt)}: {planName(s.lastCharge.planId)} at a balance of{' '}
              <Credits ucr={s.lastCharge.balanceUcr} /> —{' '}
              {s.lastCharge.failureCode ? stopReason(s.lastCharge.failureCode) : s.lastCharge.status.toLowerCase()}
            </p>
          ) : null}
          <form className="stack" onSubmit={onSave} noValidate>
            <Field
              id="auto-top-up-threshold"
              label="When the balance drops below (credits)"
              error={errors.threshold ?? fieldError(save.error, 'thresholdUcr')}
            >
              {(aria) => (
                <input {...aria} inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
              )}
            </Field>
            <Field id="auto-top-up-plan" label="Buy this credit plan" error={errors.planId ?? fieldError(save.error, 'planId')}>
              {(aria) => (
                <select {...aria} value={planId} onChange={(e) => setPlanId(e.target.value)}>
                  <option value="">Choose a plan…</option>
                  {(plans.data ?? [])
                    .filter((p) => p.status === 'ACTIVE')
                    .map((p) => (
                      <option key={p.planId} value={p.planId}>
                        {p.name} — {formatCredits(p.aiCreditsUcr, 0)} credits for {formatUsd(p.priceUsdCents)}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <ProblemAlert error={formError(save.error, ['thresholdUcr', 'planId']) ?? off.error} />
            <div className="toolbar">
              <Button type="submit" pending={save.pending} pendingLabel="Saving…">
                {s.status === 'OFF' ? 'Switch on' : 'Save'}
              </Button>
              {s.status !== 'OFF' ? (
                <Button type="button" className="secondary" pending={off.pending} onClick={() => void onOff()}>
                  Switch off
                </Button>
              ) : null}
            </div>
          </form>
        </>
      ) : state.loading ? (
        <Spinner />
      ) : null}
    </div>
  );
}
