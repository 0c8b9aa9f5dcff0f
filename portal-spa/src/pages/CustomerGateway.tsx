import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { ConfirmDialog, Modal } from '../components/Modal';
import { Button, Credits, Field, ProblemAlert, Spinner, fieldError, formError } from '../components/ui';
import { formatDate } from '../format';
import { useCommand, useLoad } from '../hooks';
import { formatCredits } from '../money';
import { useMe } from '../session';
import { accountPath, type AccountSummary, type GatewayKey, type Model } from '../types';

/** R8: the customer's AI Gateway. Keys ask for a name and models only; the secret is shown once. */
export function CustomerGateway() {
  const me = useMe();
  const account = useLoad(() => get<AccountSummary>(accountPath(me.accountId)), [me.accountId]);
  const keys = useLoad(() => get<GatewayKey[]>('/api/portal/gateway/keys'), []);
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<GatewayKey | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);

  const balance = account.data?.balanceUcr ?? null;
  const zero = balance != null && balance <= 0n;
  const allKeys = keys.data ?? [];
  const shown = showRevoked ? allKeys : allKeys.filter((k) => k.status !== 'REVOKED');
  const revokedCount = allKeys.length - allKeys.filter((k) => k.status !== 'REVOKED').length;

  return (
    <section className="page">
      <h1>AI Gateway</h1>
      <div className="hero">
        <div>
          <h2>One key for every model your provider offers</h2>
          <p>Use the OpenAI SDK you already know; requests are paid from your AI credits.</p>
        </div>
        <ul className="features">
          <li>
            <strong>OpenAI compatible</strong>
            <span>Swap the base URL</span>
          </li>
          <li>
            <strong>Pay with credits</strong>
            <span>No budget to set</span>
          </li>
          <li>
            <strong>Instant access</strong>
            <span>Generate and go</span>
          </li>
        </ul>
      </div>
      {account.error ? <ProblemAlert error={account.error} /> : null}
      {balance == null ? null : zero ? (
        <div className="alert warning" role="alert" data-testid="zero-credits">
          <strong>Your AI-credit balance is {formatCredits(balance)}.</strong> API requests will be rejected until your
          provider adds credits.
        </div>
      ) : (
        <div className="alert info" data-testid="credits-reminder">
          Requests are paid from your AI credits: <Credits ucr={balance} /> available.
        </div>
      )}
      {revealed ? <SecretBanner apiKey={revealed} onHide={() => setRevealed(null)} /> : null}
      <section className="card" aria-labelledby="keys-title">
        <div className="card-head">
          <h2 id="keys-title">Your API keys</h2>
          <button type="button" onClick={() => setCreating(true)}>
            Generate Key
          </button>
        </div>
        {keys.error ? <ProblemAlert error={keys.error} /> : null}
        {keys.data ? (
          <>
            <KeysTable keys={shown} onRevoked={() => void keys.reload()} />
            {revokedCount > 0 ? (
              <label className="switch small-switch" htmlFor="show-revoked">
                <input id="show-revoked" type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />
                Show {revokedCount} revoked {revokedCount === 1 ? 'key' : 'keys'}
              </label>
            ) : null}
          </>
        ) : keys.loading ? (
          <Spinner />
        ) : null}
      </section>
      <section className="card" aria-labelledby="url-title">
        <h2 id="url-title">Request API Gateway URL</h2>
        <p className="muted">
          Need the base URL to connect your application? Ask your provider’s team: they send the OpenAI-compatible base
          URL for your keys.
        </p>
      </section>
      {creating ? (
        <CreateKeyModal
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setRevealed(key);
            void keys.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function KeysTable({ keys, onRevoked }: { keys: GatewayKey[]; onRevoked: () => void }) {
  if (keys.length === 0) return <p className="muted">No keys yet. Generate one to start.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Allowed models</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Spent
            </th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.keyId}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{(key.allowedModels ?? []).join(', ')}</td>
              <td>
                <span className={`badge status-${key.status.toLowerCase()}`}>{key.status}</span>
                {key.status === 'SUSPENDED' ? (
                  <div className="small">Suspended: ask your provider to top up credits to resume.</div>
                ) : null}
              </td>
              <td className="num">{key.spentUcr == null ? '—' : formatCredits(key.spentUcr)}</td>
              <td className="date">{formatDate(key.createdAt)}</td>
              <td className="date">{key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}</td>
              <td>{key.status === 'REVOKED' ? null : <RevokeButton apiKey={key} onRevoked={onRevoked} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RevokeButton({ apiKey, onRevoked }: { apiKey: GatewayKey; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useCommand((_: void, commandId: string) =>
    post<GatewayKey>(`/api/portal/gateway/keys/${encodeURIComponent(apiKey.keyId)}/revoke`, { commandId }),
  );
  return (
    <>
      <button type="button" className="danger small" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`Revoke “${apiKey.name}”?`}
          message="Applications using this key stop working at once. This cannot be undone."
          confirmLabel="Revoke key"
          danger
          pending={revoke.pending}
          error={<ProblemAlert error={revoke.error} />}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            if (await revoke.submit()) {
              setConfirming(false);
              onRevoked();
            }
          }}
        />
      ) : null}
    </>
  );
}

/** Models grouped by tier, in the order budget, mid tier, premium, then any other. */
export function groupByTier(models: Model[]): [string, Model[]][] {
  const order = ['BUDGET', 'MID', 'PREMIUM'];
  const groups = new Map<string, Model[]>();
  for (const m of models) {
    const tier = (m.tier ?? 'OTHER').toUpperCase();
    groups.set(tier, [...(groups.get(tier) ?? []), m]);
  }
  const rank = (t: string) => (order.indexOf(t) < 0 ? order.length : order.indexOf(t));
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

export function tierLabel(tier: string): string {
  if (tier === 'MID') return 'Mid tier';
  const words = tier.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function CreateKeyModal({ onClose, onCreated }: { onClose: () => void; onCreated: (key: GatewayKey) => void }) {
  const models = useLoad(() => get<Model[]>('/api/portal/gateway/models'), []);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [modelsProblem, setModelsProblem] = useState<string | null>(null);
  const create = useCommand((body: { name: string; allowedModels: string[] }, commandId: string) =>
    post<GatewayKey>('/api/portal/gateway/keys', { commandId, ...body }),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      setModelsProblem('Choose at least one model.');
      return;
    }
    setModelsProblem(null);
    const key = await create.submit({ name, allowedModels: chosen });
    if (key) onCreated(key);
  }

  const toggle = (model: string, on: boolean) =>
    setChosen((current) => (on ? [...current, model] : current.filter((m) => m !== model)));
  const modelsError = modelsProblem ?? fieldError(create.error, 'allowedModels');
  return (
    <Modal title="Generate Key" onClose={onClose}>
      <form className="form" onSubmit={onSubmit}>
        <Field id="key-name" label="Key name" error={fieldError(create.error, 'name')}>
          {(aria) => (
            <input
              {...aria}
              name="name"
              required
              maxLength={100}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Website chatbot"
            />
          )}
        </Field>
        <fieldset aria-describedby={modelsError ? 'models-error' : undefined}>
          <legend>Allowed models</legend>
          {models.error ? <ProblemAlert error={models.error} /> : null}
          {models.loading && !models.data ? <Spinner label="Loading models…" /> : null}
          {models.data && models.data.length === 0 ? <p className="muted">No models are available.</p> : null}
          {groupByTier(models.data ?? []).map(([tier, group]) => (
            <div key={tier} className="tier-group">
              <div className="tier-heading">{tierLabel(tier)}</div>
              {group.map((m) => (
                <label key={m.model} className="check">
                  <input type="checkbox" value={m.model} checked={chosen.includes(m.model)} onChange={(e) => toggle(m.model, e.target.checked)} />{' '}
                  {m.model}
                </label>
              ))}
            </div>
          ))}
          {modelsError ? (
            <div id="models-error" className="field-error" role="alert">
              {modelsError}
            </div>
          ) : null}
        </fieldset>
        <p className="muted small">No budget needed: the key is paid as you go from your AI credits.</p>
        <ProblemAlert error={formError(create.error, ['name', 'allowedModels'])} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <Button type="submit" pending={create.pending} pendingLabel="Generating…">
            Generate Key
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function SecretBanner({ apiKey, onHide }: { apiKey: GatewayKey; onHide: () => void }) {
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
    <div className="alert success secret" role="status" data-testid="secret-banner">
      <strong>Key “{apiKey.name}” created. Copy it now: it will not be shown again.</strong>
      <div className="secret-row">
        <code className="secret-value" data-testid="secret-value">
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
