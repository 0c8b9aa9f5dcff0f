import { useState, type FormEvent } from 'react';
import { post } from '../api';
import { Button, Field, ProblemAlert, fieldError, formError } from '../components/ui';
import { useCommand } from '../hooks';
import { useSession } from '../session';

const DEMO_LOGINS: [string, string][] = [
  ['acme@demo.ledgerline', 'Partner · Acme'],
  ['bistro@demo.ledgerline', 'Customer · Bistro (AI credits on)'],
  ['cornershop@demo.ledgerline', 'Customer · Corner Shop (AI credits off)'],
];

export function SignIn() {
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useCommand(async (body: { email: string; password: string }) => {
    await post('/api/portal/session', body);
    await refresh();
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await signIn.submit({ email: email.trim(), password });
  }

  return (
    <main className="login">
      <form className="card login-card" onSubmit={onSubmit} noValidate={false} aria-labelledby="sign-in-title">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            L
          </span>
          Ledgerline
        </div>
        <h1 id="sign-in-title">Sign in to your portal</h1>
        <Field id="email" label="E-mail" error={fieldError(signIn.error, 'email')}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="you@company.com"
            />
          )}
        </Field>
        <Field id="password" label="Password" error={fieldError(signIn.error, 'password')}>
          {(aria) => (
            <input
              {...aria}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ProblemAlert error={formError(signIn.error, ['email', 'password'])} />
        <Button type="submit" className="wide" pending={signIn.pending} pendingLabel="Signing in…">
          Sign in
        </Button>
        <div className="demo">
          <div className="muted">
            Demo logins (password <code>demo</code>)
          </div>
          {DEMO_LOGINS.map(([address, who]) => (
            <button
              key={address}
              type="button"
              className="link"
              onClick={() => {
                setEmail(address);
                setPassword('demo');
              }}
            >
              <code>{address}</code> — {who}
            </button>
          ))}
        </div>
      </form>
    </main>
  );
}
