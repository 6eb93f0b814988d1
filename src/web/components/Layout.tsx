import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useIsOrgAdmin, useMe } from '../hooks/queries/use-me.js';
import { useSignOut } from '../hooks/queries/use-sign-out.js';
import { Badge } from './Badge.js';
import { NotificationBell } from './NotificationBell.js';
import { ScrollToHash } from './ScrollToHash.js';
import { SearchBox } from './SearchBox.js';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/capabilities', label: 'Capabilities', end: false },
  { to: '/adoption', label: 'Adoption', end: false },
  { to: '/teams', label: 'Teams', end: false },
  { to: '/services', label: 'Services', end: false },
  { to: '/delivery', label: 'Delivery', end: false },
  { to: '/incidents', label: 'Incidents', end: false },
  { to: '/voice', label: 'Voice', end: false },
  { to: '/shipping', label: 'Shipping', end: false },
  { to: '/imports', label: 'Imports', end: false },
  { to: '/unmapped', label: 'Unmapped', end: false },
];
/** Seen by organisation admins only. */
const ADMIN_NAV = [{ to: '/audit', label: 'Audit', end: false }];

/** The frame of every signed-in page: brand, navigation, search and who is signed in. */
export function Layout() {
  const me = useMe().data;
  const nav = useIsOrgAdmin() ? [...NAV, ...ADMIN_NAV] : NAV;
  const signOut = useSignOut();
  const navigate = useNavigate();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/" className="brand" aria-label="Paved home">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <rect x="2" y="4" width="20" height="4" rx="1.5" fill="currentColor" />
              <rect x="2" y="10" width="13" height="4" rx="1.5" fill="currentColor" opacity="0.7" />
              <rect x="2" y="16" width="8" height="4" rx="1.5" fill="currentColor" opacity="0.45" />
            </svg>
            Paved
          </NavLink>
          <SearchBox />
          {me ? (
            <div className="user">
              <NotificationBell />
              <span
                className="user-name"
                title={`${me.email ?? me.name}, signed in via ${me.via}`}
                data-testid="signed-in-as"
              >
                {me.displayName ?? me.name}
              </span>
              <Badge tone={me.role === 'admin' ? 'accent' : 'neutral'}>{me.role}</Badge>
              <NavLink to="/tokens" className="button button-ghost button-small">
                Tokens
              </NavLink>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}
                disabled={signOut.isPending}
              >
                Sign out
              </button>
            </div>
          ) : null}
        </div>
        {/* Ten links leave no room for a usable search box on one line: they get a row of their own. */}
        <nav aria-label="Main" className="nav topbar-inner">
          {nav.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end} className="nav-link">
              {item.label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
        <ScrollToHash />
      </main>
      <footer className="footer">
        Paved · <a href="/api/openapi.json">API reference</a>
      </footer>
    </div>
  );
}
