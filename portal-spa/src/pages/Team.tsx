import { useState, type FormEvent } from 'react';
import { del, get, post, put } from '../api';
import { ConfirmDialog } from '../components/Modal';
import { Button, Field, ProblemAlert, Spinner, fieldError, formError } from '../components/ui';
import { formatDate } from '../format';
import { useCommand, useLoad } from '../hooks';
import { useMe } from '../session';
import { TEAM_ROLES, invitationUrl, type Invitation, type Member, type TeamRole } from '../teamAudit';

const memberPath = (email: string) => `/api/portal/team/members/${encodeURIComponent(email)}`;

/** R7: the tenant's team: members and roles, invitations (the link shown to the inviter), removal. */
export function TeamPage() {
  const me = useMe();
  const members = useLoad(() => get<Member[]>('/api/portal/team/members'), []);
  return (
    <section className="page">
      <h1>Team</h1>
      <InviteForm onInvited={() => void members.reload()} />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <ProblemAlert error={members.error} />
        {members.data ? (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((m) => (
                  <MemberRow key={m.email} member={m} self={m.email === me.email} onChanged={() => void members.reload()} />
                ))}
              </tbody>
            </table>
          </div>
        ) : members.loading ? (
          <Spinner />
        ) : null}
      </section>
    </section>
  );
}

function MemberRow({ member, self, onChanged }: { member: Member; self: boolean; onChanged: () => void }) {
  const [removing, setRemoving] = useState(false);
  const change = useCommand((role: TeamRole) => put<Member>(`${memberPath(member.email)}/role`, { role }));
  const remove = useCommand(async (_: void) => {
    await del<void>(memberPath(member.email));
    return true;
  });
  return (
    <tr>
      <td>
        {member.displayName}
        {self ? <span className="muted small"> (you)</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        <select
          aria-label={`Role of ${member.email}`}
          value={member.role}
          disabled={self || change.pending}
          onChange={async (e) => {
            if (await change.submit(e.target.value as TeamRole)) onChanged();
          }}
        >
          {TEAM_ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        <ProblemAlert error={change.error} />
      </td>
      <td>
        {self ? null : (
          <button type="button" className="danger small" aria-label={`Remove ${member.email}`} onClick={() => setRemoving(true)}>
            Remove
          </button>
        )}
        {removing ? (
          <ConfirmDialog
            title={`Remove ${member.displayName}?`}
            message={`${member.email} can no longer sign in to this portal, from their next request on.`}
            confirmLabel="Remove member"
            danger
            pending={remove.pending}
            error={<ProblemAlert error={remove.error} />}
            onCancel={() => setRemoving(false)}
            onConfirm={async () => {
              if (await remove.submit(undefined)) {
                setRemoving(false);
                onChanged();
              }
            }}
          />
        ) : null}
      </td>
    </tr>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>('MEMBER');
  const [invited, setInvited] = useState<Invitation | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const invite = useCommand((body: { email: string; role: TeamRole }) => post<Invitation>('/api/portal/team/invitations', body));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCopied(null);
    const result = await invite.submit({ email: email.trim(), role });
    if (result) {
      setInvited(result);
      setEmail('');
      onInvited();
    }
  }
  const link = invited ? invitationUrl(window.location.origin, invited.link) : '';
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a member</h2>
      <form className="form inline" aria-label="Invite a member" onSubmit={onSubmit}>
        <Field id="invite-email" label="E-mail" error={fieldError(invite.error, 'email')}>
          {(aria) => <input {...aria} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="invite-role" label="Role" hint={TEAM_ROLES.find((r) => r.role === role)?.can} error={fieldError(invite.error, 'role')}>
          {(aria) => (
            <select {...aria} value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
              {TEAM_ROLES.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" pending={invite.pending} pendingLabel="Inviting…">
          Invite
        </Button>
      </form>
      <ProblemAlert error={formError(invite.error, ['email', 'role'])} />
      {invited ? (
        <div className="alert success secret" role="status" data-testid="invitation">
          <strong>
            Send this link to {invited.email}; it works once, until {formatDate(invited.expiresAt)}. It is not shown again.
          </strong>
          <div className="secret-row">
            <code className="secret-value" data-testid="invitation-link">
              {link}
            </code>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                navigator.clipboard.writeText(link).then(
                  () => setCopied('Copied'),
                  () => setCopied('Copying is blocked here: select the link and copy it by hand'),
                )
              }
            >
              Copy
            </button>
            <span aria-live="polite" className="small">
              {copied}
            </span>
          </div>
        </div>
      ) : null}
    </section>
  );
}
