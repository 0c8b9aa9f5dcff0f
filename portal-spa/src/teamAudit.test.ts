import { auditQuery, invitationToken, invitationUrl, noAuditFilters } from './teamAudit';

describe('the Team page (R7)', () => {
  it('shows the invitation link on the portal origin and reads its token back', () => {
    const url = invitationUrl('https://portal.example', '/#/invitation/AbC_12-x');
    expect(url).toBe('https://portal.example/#/invitation/AbC_12-x');
    expect(invitationToken(new URL(url).hash)).toBe('AbC_12-x');
    expect(invitationToken('#/invitation/../x')).toBeNull();
    expect(invitationToken('')).toBeNull();
  });
});

describe('the Audit Log filters (R20)', () => {
  it('turns an e-mail into the recorded actor and days into a half-open UTC period', () => {
    const query = new URLSearchParams(
      auditQuery({ actor: ' Acme@Demo.Ledgerline ', action: 'SIGN_IN', fromDay: '2026-12-01', toDay: '2026-12-31' }, { page: 2 }),
    );
    expect(query.get('actor')).toBe('user:acme@demo.ledgerline');
    expect(query.get('action')).toBe('SIGN_IN');
    expect(query.get('from')).toBe('2026-12-01T00:00:00Z');
    expect(query.get('to')).toBe('2027-01-01T00:00:00Z');
    expect(query.get('page')).toBe('2');
  });

  it('sends no filter that was left empty, and keeps a recorded actor as it is', () => {
    expect(auditQuery(noAuditFilters, { format: 'csv' })).toBe('format=csv');
    expect(new URLSearchParams(auditQuery({ ...noAuditFilters, actor: 'user:x@y.z' })).get('actor')).toBe('user:x@y.z');
  });
});
