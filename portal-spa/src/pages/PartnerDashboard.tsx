import { Link } from 'react-router';
import { get } from '../api';
import { BarChart } from '../components/Charts';
import { Credits, ProblemAlert, Spinner, Stat } from '../components/ui';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { aboveReserve, formatCredits } from '../money';
import { useMe } from '../session';
import { accountPath, type AccountSummary, type SelfServiceSettings } from '../types';
import { CustomersTable } from './Customers';

export function PartnerDashboard() {
  const me = useMe();
  const loaded = useLoad(
    () =>
      Promise.all([
        get<AccountSummary>(accountPath(me.accountId)),
        get<AccountSummary[]>('/api/portal/partner/customers'),
      ]),
    [me.accountId],
  );
  const selfService = useLoad(() => get<SelfServiceSettings>('/api/portal/partner/self-service'), []);

  if (loaded.error) return <ProblemAlert error={loaded.error} />;
  if (!loaded.data) return <Spinner />;
  const [account, customers] = loaded.data;
  const withCredits = customers.filter((c) => c.aiCreditsEnabled);

  return (
    <section className="page">
      <h1>{account.displayName} — partner dashboard</h1>
      <div className="stats">
        <Stat
          testId="available"
          label="Available platform credits"
          value={<Credits ucr={account.balanceUcr} />}
          hint={`Last updated ${formatDate(account.lastUpdated)}`}
        />
        <Stat
          label="Reserved platform credits"
          value={<Credits ucr={account.reservedUcr} />}
          hint="Key budgets and the 1,000-credit deposit of each customer-created key"
        />
        <Stat label="Customers" value={String(customers.length)} hint={`${withCredits.length} with AI credits enabled`} />
        <ReserveStat available={account.balanceUcr} settings={selfService.data} error={selfService.error} />
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="customers-title">
          <div className="card-head">
            <h2 id="customers-title">Customers</h2>
            <Link to="/customers">All customers</Link>
          </div>
          <CustomersTable customers={customers} />
        </section>
        <section className="card" aria-labelledby="balances-title">
          <h2 id="balances-title">AI-credit balances</h2>
          {withCredits.length === 0 ? (
            <p className="muted">No customer uses AI credits yet.</p>
          ) : (
            <BarChart
              title="AI-credit balance per customer"
              bars={withCredits.map((c) => ({ label: c.displayName, ucr: c.balanceUcr ?? 0n }))}
            />
          )}
        </section>
      </div>
    </section>
  );
}

/** R9: customer-created keys are suspended while available credits are below 1,000. */
function ReserveStat({ available, settings, error }: { available: bigint | null; settings?: SelfServiceSettings; error: unknown }) {
  if (error) return <Stat label="Self-service reserve" value="—" hint="The gateway's settings could not be read" />;
  if (!settings || available == null) return <Stat label="Self-service reserve" value="…" />;
  if (!settings.selfServiceEnabled) {
    return <Stat label="Self-service reserve" value="Off" hint="Customer self-service keys are switched off" />;
  }
  const margin = aboveReserve(available);
  return (
    <Stat
      testId="reserve"
      label="Self-service reserve"
      value={
        <span className={margin < 0n ? 'amount negative' : 'amount'}>
          {margin < 0n ? `${formatCredits(-margin)} below` : `${formatCredits(margin)} above`}
        </span>
      }
      hint={
        margin < 0n
          ? 'Below 1,000 credits: customers’ self-service keys are suspended until you top up'
          : 'Above the 1,000 credits that keep customers’ self-service keys active'
      }
    />
  );
}
