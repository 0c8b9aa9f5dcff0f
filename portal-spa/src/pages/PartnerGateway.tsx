import { get, put } from '../api';
import { Credits, ProblemAlert, Spinner, Stat } from '../components/ui';
import { useCommand, useLoad } from '../hooks';
import { aboveReserve } from '../money';
import { useMe } from '../session';
import { accountPath, type AccountSummary, type SelfServiceSettings } from '../types';
import { PartnerKeysSection, QuickStart } from './PartnerKeys';

/**
 * The partner's AI Gateway page: the quick start, the partner's own keys (R10, R11) and the Customer
 * Self-Service API Keys settings (R12's master toggle).
 */
export function PartnerGateway() {
  const me = useMe();
  const settings = useLoad(() => get<SelfServiceSettings>('/api/portal/partner/self-service'), []);
  const account = useLoad(() => get<AccountSummary>(accountPath(me.accountId)), [me.accountId]);
  const toggle = useCommand((enabled: boolean) => put<SelfServiceSettings>('/api/portal/partner/self-service', { enabled }));

  async function change(enabled: boolean) {
    const saved = await toggle.submit(enabled);
    if (saved) await settings.reload();
  }

  const available = account.data?.balanceUcr ?? null;
  const margin = available == null ? null : aboveReserve(available);
  return (
    <section className="page">
      <h1>AI Gateway</h1>
      <QuickStart />
      <PartnerKeysSection />
      <section className="card" aria-labelledby="self-service-title">
        <h2 id="self-service-title">Customer Self-Service API Keys</h2>
        {settings.error ? <ProblemAlert error={settings.error} /> : null}
        {settings.data ? (
          <>
            <label className="switch" htmlFor="self-service-toggle">
              <input
                id="self-service-toggle"
                type="checkbox"
                role="switch"
                checked={settings.data.selfServiceEnabled}
                disabled={toggle.pending}
                aria-describedby="self-service-help"
                onChange={(e) => void change(e.target.checked)}
              />
              Let customers with AI credits create their own AI Gateway keys
              {toggle.pending ? <span className="spinner small" role="status" aria-label="Saving" /> : null}
            </label>
            <ProblemAlert error={toggle.error} />
            <p id="self-service-help" className="muted small">
              Switching it on applies to new and existing customers. A customer sees the AI Gateway when it has portal
              access, AI credits enabled and its AI Gateway visibility on. Each customer-created key reserves 1,000
              platform credits from your balance as a deposit; below 1,000 available credits those keys are suspended
              until you top up.
            </p>
          </>
        ) : settings.loading ? (
          <Spinner />
        ) : null}
      </section>
      <div className="stats">
        <Stat label="Available platform credits" value={<Credits ucr={available} />} />
        <Stat
          label="Above the 1,000-credit reserve"
          value={margin == null ? '…' : <Credits ucr={margin} />}
          hint={margin != null && margin < 0n ? 'Customers’ self-service keys are suspended' : 'Self-service keys stay active'}
        />
      </div>
      {account.error ? <ProblemAlert error={account.error} /> : null}
    </section>
  );
}
