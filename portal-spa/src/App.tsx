import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Layout } from './components/Layout';
import { ProblemAlert, Spinner } from './components/ui';
import { mayOpen, menuIdOf } from './menu';
import { CustomerDashboard } from './pages/CustomerDashboard';
import { CustomerGateway } from './pages/CustomerGateway';
import { Conversations } from './pages/Conversations';
import { DetailedUsage } from './pages/DetailedUsage';
import { CustomerManage } from './pages/CustomerManage';
import { CreditPlans } from './pages/billing/CreditPlans';
import { CustomerBilling } from './pages/billing/CustomerBilling';
import { PartnerBilling } from './pages/billing/PartnerBilling';
import { CustomersPage } from './pages/Customers';
import { AuditLogPage } from './pages/AuditLog';
import { InvitationAccept } from './pages/InvitationAccept';
import { NotFound } from './pages/NotFound';
import { PartnerDashboard } from './pages/PartnerDashboard';
import { PartnerGateway } from './pages/PartnerGateway';
import { SignIn } from './pages/SignIn';
import { TeamPage } from './pages/Team';
import { useMe, useSession } from './session';
import { invitationToken } from './teamAudit';

export function App() {
  const { state } = useSession();
  const location = useLocation();
  // An invitation link (/#/invitation/{token}) opens the join page, signed in or not.
  const invitation = invitationToken(location.hash);
  if (invitation) return <InvitationAccept token={invitation} />;

  if (state.status === 'loading') return <Spinner label="Opening your portal…" />;
  if (state.status === 'failed') {
    return (
      <main className="login">
        <ProblemAlert error={state.error} />
      </main>
    );
  }
  if (state.status === 'signed-out') {
    if (location.pathname === '/sign-in') return <SignIn />;
    const back = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${back}`} replace />;
  }
  return <SignedIn />;
}

function SignedIn() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const partner = me.role === 'PARTNER';

  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);

  if (location.pathname === '/sign-in' || location.pathname === '/') {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard'} replace />;
  }
  const page = menuIdOf(location.pathname);
  if (!mayOpen(me, page)) {
    return (
      <Layout>
        <NotFound onHome={() => navigate('/dashboard')} />
      </Layout>
    );
  }
  return (
    <Layout>
      <Routes>
        <Route path="/dashboard" element={partner ? <PartnerDashboard /> : <CustomerDashboard />} />
        <Route path="/ai-gateway" element={partner ? <PartnerGateway /> : <CustomerGateway />} />
        {partner ? <Route path="/customers" element={<CustomersPage />} /> : null}
        {partner ? <Route path="/customers/:accountId" element={<CustomerManage />} /> : null}
        <Route path="/billing" element={partner ? <PartnerBilling /> : <CustomerBilling />} />
        {partner ? <Route path="/credit-plans" element={<CreditPlans />} /> : null}
        {partner ? null : <Route path="/conversations" element={<Conversations />} />}
        {partner ? null : <Route path="/usage" element={<DetailedUsage />} />}
        <Route path="/team" element={<TeamPage />} />
        <Route path="/audit" element={<AuditLogPage />} />
        <Route path="*" element={<NotFound onHome={() => navigate('/dashboard')} />} />
      </Routes>
    </Layout>
  );
}
