import { useState, type FormEvent } from 'react';
import { post } from '../api';
import { Button, Field, ProblemAlert, fieldError, formError } from '../components/ui';
import { useCommand } from '../hooks';
import type { Member } from '../teamAudit';

/** The page an invitation link opens: a name and a password, then sign in. */
export function InvitationAccept({ token }: { token: string }) {
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [joined, setJoined] = useState<Member | null>(null);
  const accept = useCommand((body: { displayName: string; password: string }) =>
    post<Member>('/api/portal/invitations/accept', { token, ...body }),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const member = await accept.submit({ displayName: displayName.trim(), password });
    if (member) setJoined(member);
  }

  return (
    <main className="login" id="main">
      <section className="card">
        <h1>Join the team</h1>
        {joined ? (
          <div className="alert success" role="status" data-testid="invitation-accepted">
            Welcome, {joined.displayName}. You can now sign in as {joined.email}.{' '}
            <a href="/sign-in">Sign in</a>
          </div>
        ) : (
          <form className="form" aria-label="Join the team" onSubmit={onSubmit}>
            <Field id="join-name" label="Your name" error={fieldError(accept.error, 'displayName')}>
              {(aria) => <input {...aria} required maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
            </Field>
            <Field id="join-password" label="Choose a password" error={fieldError(accept.error, 'password')}>
              {(aria) => (
                <input {...aria} type="password" required autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              )}
            </Field>
            <ProblemAlert error={formError(accept.error, ['displayName', 'password'])} />
            <Button type="submit" pending={accept.pending} pendingLabel="Joining…">
              Join
            </Button>
          </form>
        )}
      </section>
    </main>
  );
}
