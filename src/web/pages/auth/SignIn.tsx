import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useAuthConfig } from '../../hooks/queries/use-auth-config.js';
import { useMe } from '../../hooks/queries/use-me.js';
import { useSignIn } from '../../hooks/queries/use-sign-in.js';

/** Only paths inside this app: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignIn() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const config = useAuthConfig().data;
  const [token, setToken] = useState('');
  const [touched, setTouched] = useState(false);

  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!token.trim()) return;
    signIn.mutate(token.trim(), { onSuccess: () => navigate(next, { replace: true }) });
  };

  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 401 ? 'That token is unknown, revoked or expired.' : error?.message;
  const missing = touched && !token.trim();

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="brand brand-large">
          <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
            <rect x="2" y="4" width="20" height="4" rx="1.5" fill="currentColor" />
            <rect x="2" y="10" width="13" height="4" rx="1.5" fill="currentColor" opacity="0.7" />
            <rect x="2" y="16" width="8" height="4" rx="1.5" fill="currentColor" opacity="0.45" />
          </svg>
          Paved
        </div>
        <h1>Sign in</h1>
        {config?.loginUrl ? (
          <div className="sign-in-provider">
            <p className="muted">Run your internal platform as a product.</p>
            <a
              className="button button-primary button-block"
              href={`${config.loginUrl}?returnTo=${encodeURIComponent(next)}`}
            >
              Sign in with your company account
            </a>
            <p className="sign-in-divider">or with an API token</p>
          </div>
        ) : (
          <p className="muted">
            Run your internal platform as a product. Sign in with an API token. To sign in with your company account,
            set PAVED_OIDC_ISSUER, PAVED_OIDC_CLIENT_ID, PAVED_OIDC_CLIENT_SECRET and PAVED_PUBLIC_URL (see the README,
            “Sign-in”).
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="token">API token</label>
            <input
              id="token"
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-invalid={missing || Boolean(error)}
              aria-describedby="token-help"
              autoFocus
            />
            <p id="token-help" className={missing ? 'field-error' : 'field-help'}>
              {missing
                ? 'Paste your token to sign in.'
                : 'Paved prints an admin token on first start (or uses PAVED_ADMIN_TOKEN). Admins issue more with POST /api/v1/tokens.'}
            </p>
          </div>
          {message ? (
            <p className="alert alert-danger" role="alert">
              {message}
            </p>
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
