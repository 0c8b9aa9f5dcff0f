import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { visibleMenu } from '../menu';
import { useMe, useSession } from '../session';
import { NotificationBell } from './NotificationBell';

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            L
          </span>
          Ledgerline
        </div>
        <div className="topbar-actions">
          <NotificationBell />
          <button
            type="button"
            className="secondary menu-toggle"
            aria-expanded={open}
            aria-controls="sidebar"
            onClick={() => setOpen(!open)}
          >
            Menu
          </button>
        </div>
      </header>
      <aside id="sidebar" className={open ? 'sidebar open' : 'sidebar'}>
        <div className="brand desktop-only">
          <span className="logo" aria-hidden="true">
            L
          </span>
          Ledgerline
        </div>
        <div className="who">
          <strong>{me.displayName}</strong>
          <span className="muted small">{me.role === 'PARTNER' ? 'Partner portal' : 'Customer portal'}</span>
        </div>
        {visibleMenu(me).map((section) => (
          <nav key={section.section} aria-label={section.heading ?? 'Main'}>
            {section.heading ? <div className="nav-heading">{section.heading}</div> : null}
            <ul className="nav-list">
              {section.items.map((item) => (
                <li key={item.id}>
                  <NavLink to={`/${item.id}`} className={({ isActive }) => (isActive ? 'nav active' : 'nav')}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ))}
        <div className="sidebar-foot">
          <div className="muted small">{me.email}</div>
          <button
            type="button"
            className="link"
            disabled={signingOut}
            onClick={async () => {
              setSigningOut(true);
              await signOut();
            }}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
