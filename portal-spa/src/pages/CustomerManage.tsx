import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, get, post } from '../api';
import { HistoryPanel } from '../components/HistoryPanel';
import { CustomerBillingSection } from './billing/CustomerBillingSection';
import { Button, Credits, Field, ProblemAlert, Spinner, Stat, fieldError, formError } from '../components/ui';
import { formatDate } from '../format';
import { useCommand, useLoad } from '../hooks';
import { formatCredits, parseCredits } from '../money';
import { accountPath, type AccountSummary, type Adjusted } from '../types';
import { CustomerSettings } from './CustomerSettings';

// The ledger's read side (account view, history) may show a command a moment after the command's
// own answer; the history is read again once more after this long.
const READ_SIDE_CATCH_UP_MS = 1500;

export function CustomerManage() {
  const { accountId = '' } = useParams();
  const account = useLoad(() => get<AccountSummary>(accountPath(accountId)), [accountId]);
  const [version, setVersion] = useState(0);
  const [latestBalance, setLatestBalance] = useState<bigint | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function adjusted(result: Adjusted) {
    if (result.balanceUcr != null) setLatestBalance(result.balanceUcr);
    setVersion((v) => v + 1);
    void account.reload();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setVersion((v) => v + 1);
      void account.reload().then(() => setLatestBalance(null));
    }, READ_SIDE_CATCH_UP_MS);
  }

  if (account.error) {
    return (
      <section className="page">
        <Link to="/customers" className="back">
          ← All customers
        </Link>
        <ProblemAlert error={account.error} />
      </section>
    );
  }
  if (!account.data) return <Spinner />;
  const a = account.data;
  const balance = latestBalance ?? a.balanceUcr;

  return (
    <section className="page">
      <Link to="/customers" className="back">
        ← All customers
      </Link>
      <h1>
        {a.displayName} <span className="muted">{a.accountId}</span>
      </h1>
      <h2 className="section-title">Credits</h2>
      <div className="stats">
        <Stat
          testId="customer-balance"
          label="Current balance"
          value={a.aiCreditsEnabled ? <Credits ucr={balance} /> : '—'}
          hint={a.aiCreditsEnabled ? 'AI credits' : 'AI credits off'}
        />
        <Stat label="Last updated" value={formatDate(a.lastUpdated)} />
        <Stat label="Low-credit threshold" value={<Credits ucr={a.lowCreditThresholdUcr} />} />
      </div>
      {a.aiCreditsEnabled ? (
        <>
          <div className="grid-2">
            <AdjustmentForm accountId={accountId} kind="add" onDone={adjusted} />
            <AdjustmentForm accountId={accountId} kind="deduct" onDone={adjusted} />
          </div>
          <HistoryPanel accountId={accountId} title="Credit history" version={version} />
        </>
      ) : (
        <div className="alert info">
          AI credits are not enabled for this customer: its usage draws on your platform credits directly (it shows in
          your own history), and credits cannot be added.
        </div>
      )}
      <CustomerSettings accountId={accountId} onAiCreditsChanged={() => void account.reload()} />
      <CustomerBillingSection accountId={accountId} />
    </section>
  );
}

interface AdjustmentProps {
  accountId: string;
  kind: 'add' | 'deduct';
  onDone: (result: Adjusted) => void;
}

/** R13: add with a note, deduct with a reason. */
export function AdjustmentForm({ accountId, kind, onDone }: AdjustmentProps) {
  const adding = kind === 'add';
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [amountProblem, setAmountProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = `${kind}-${accountId}`;
  const command = useCommand((body: { amountUcr: bigint; note: string }, commandId: string) =>
    post<Adjusted>(
      `/api/portal/partner/customers/${encodeURIComponent(accountId)}/${adding ? 'credits' : 'deductions'}`,
      { commandId, amountUcr: body.amountUcr, note: body.note },
    ),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    let amountUcr: bigint;
    try {
      amountUcr = parseCredits(amount);
    } catch (e) {
      setAmountProblem((e as Error).message);
      return;
    }
    setAmountProblem(null);
    const result = await command.submit({ amountUcr, note });
    if (result) {
      setDone(
        `${adding ? 'Added' : 'Deducted'} ${formatCredits(amountUcr)} credits.` +
          (result.balanceUcr != null ? ` New balance: ${formatCredits(result.balanceUcr)} credits.` : ''),
      );
      setAmount('');
      setNote('');
      onDone(result);
    }
  }

  const amountError = amountProblem ?? fieldError(command.error, 'amountUcr');
  const noteError =
    fieldError(command.error, 'note') ??
    (command.error instanceof ApiProblem && command.error.code === 'INVALID_TEXT' && !command.error.field
      ? command.error.message
      : null);
  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{adding ? 'Add credits' : 'Deduct credits'}</h3>
      <Field id={`${id}-amount`} label="Amount (credits)" error={amountError}>
        {(aria) => (
          <input
            {...aria}
            name="amount"
            inputMode="decimal"
            required
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="e.g. 100 or 12.5"
          />
        )}
      </Field>
      <Field id={`${id}-note`} label={adding ? 'Note' : 'Reason'} error={noteError}>
        {(aria) => (
          <input
            {...aria}
            name="note"
            required
            maxLength={500}
            autoComplete="off"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={adding ? 'Monthly package - 1000 credits' : 'Refund for failed calls'}
          />
        )}
      </Field>
      <ProblemAlert error={noteError ? null : formError(command.error, ['amountUcr', 'note'])} />
      {done ? (
        <div className="alert success" role="status">
          {done}
        </div>
      ) : null}
      <Button type="submit" className={adding ? '' : 'danger'} pending={command.pending} pendingLabel={adding ? 'Adding…' : 'Deducting…'}>
        {adding ? 'Add credits' : 'Deduct credits'}
      </Button>
    </form>
  );
}
