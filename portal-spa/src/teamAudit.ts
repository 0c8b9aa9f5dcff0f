// The Team (R7) and Audit Log (R20) pages' logic: roles, the invitation link and token, and the
// audit filters as the portal's query string.

export type TeamRole = 'OWNER' | 'ADMIN' | 'BILLING' | 'MEMBER' | 'AUDITOR';

export const TEAM_ROLES: { role: TeamRole; label: string; can: string }[] = [
  { role: 'OWNER', label: 'Owner', can: 'everything, including other owners' },
  { role: 'ADMIN', label: 'Admin', can: 'settings, team, billing and the audit log' },
  { role: 'BILLING', label: 'Billing', can: 'credits and Billing & Payments' },
  { role: 'MEMBER', label: 'Member', can: 'reading the pages, no Settings & Security' },
  { role: 'AUDITOR', label: 'Auditor', can: 'reading and exporting the audit log' },
];

export interface Member {
  email: string;
  displayName: string;
  role: TeamRole;
}

export interface Invitation {
  email: string;
  role: TeamRole;
  expiresAt: string;
  link: string;
}

/** The link as the inviter copies it: absolute, on this portal's origin. */
export function invitationUrl(origin: string, link: string): string {
  return new URL(link, origin).toString();
}

/** The one-time token of an invitation link's "#/invitation/{token}", else null. */
export function invitationToken(hash: string): string | null {
  const match = /^#\/invitation\/([A-Za-z0-9_-]{1,100})$/.exec(hash);
  return match ? match[1] : null;
}

/** The actions the audit log records, for its filter (the portal's AuditAction). */
export const AUDIT_ACTIONS = [
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'SIGN_OUT',
  'CREDITS_ADDED',
  'CREDITS_DEDUCTED',
  'GATEWAY_KEY_CREATED',
  'GATEWAY_KEY_REVOKED',
  'SELF_SERVICE_CHANGED',
  'PARTNER_KEY_CREATED',
  'PARTNER_KEY_TOPPED_UP',
  'PARTNER_KEY_REGENERATED',
  'PARTNER_KEY_REVOKED',
  'FEATURES_CHANGED',
  'AI_CREDITS_CONFIGURED',
  'MEMBER_INVITED',
  'INVITATION_ACCEPTED',
  'MEMBER_ROLE_CHANGED',
  'MEMBER_REMOVED',
] as const;

export interface AuditFilters {
  actor: string;
  action: string;
  fromDay: string;
  toDay: string;
}

export const noAuditFilters: AuditFilters = { actor: '', action: '', fromDay: '', toDay: '' };

/**
 * The query of GET /api/portal/audit and its export. An e-mail becomes the actor the log records
 * ("user:{email}"); the period is whole UTC days, the "to" day included.
 */
export function auditQuery(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  const actor = filters.actor.trim();
  if (actor) params.set('actor', actor.includes(':') ? actor : `user:${actor.toLowerCase()}`);
  if (filters.action) params.set('action', filters.action);
  if (filters.fromDay) params.set('from', `${filters.fromDay}T00:00:00Z`);
  if (filters.toDay) params.set('to', nextDay(filters.toDay));
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return params.toString();
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().replace('.000Z', 'Z');
}
