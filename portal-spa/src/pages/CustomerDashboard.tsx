import { Link } from 'react-router';
import { get } from '../api';
import { HistoryPanel } from '../components/HistoryPanel';
import { Credits, ProblemAlert, Spinner, Stat } from '../components/ui';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { mayOpen } from '../menu';
import { useMe } from '../session';
import { accountPath, type AccountSummary } from '../types';

export function CustomerDashboard() {
  const me = useMe();
  const account = useLoad(() => get<AccountSummary>(accountPath(me.accountId)), [me.accountId]);
  if (account.error) return <ProblemAlert error={account.error} />;
  if (!account.data) return <Spinner />;
  const a = account.data;
  const low = a.aiCreditsEnabled && a.balanceUcr != null && a.lowCreditThresholdUcr != null && a.balanceUcr <= a.lowCreditThresholdUcr;

  return (
    <section className="page">
      <h1>Welcome, {a.displayName}</h1>
      <div className="stats">
        {a.aiCreditsEnabled ? (
          <Stat
            testId="ai-credits"
            label="AI credits"
            value={<Credits ucr={a.balanceUcr} />}
            hint={low ? 'Below your low-credit threshold: ask your provider to top up' : `Last updated ${formatDate(a.lastUpdated)}`}
          />
        ) : (
          <Stat label="AI credits" value="Not enabled" hint="Your provider bills your usage directly" />
        )}
        {a.aiCreditsEnabled ? <Stat label="Low-credit threshold" value={<Credits ucr={a.lowCreditThresholdUcr} />} /> : null}
        <Stat label="Account" value={a.accountId} />
      </div>
      {low ? (
        <div className="alert warning" role="alert">
          Your AI-credit balance is at or below your low-credit threshold. Ask your provider to add credits.
        </div>
      ) : null}
      {mayOpen(me, 'ai-gateway') ? (
        <div className="alert info">
          Call every model your provider offers with one key: <Link to="/ai-gateway">open the AI Gateway</Link>.
        </div>
      ) : null}
      {a.aiCreditsEnabled ? <HistoryPanel accountId={a.accountId} title="Recent activity" /> : null}
    </section>
  );
}
