import { Link, useLocation } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState.js';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <div className="page">
      <h1 className="visually-hidden">Page not found</h1>
      <EmptyState
        title="There is no page here"
        action={
          <Link className="button button-primary" to="/">
            Go to the home page
          </Link>
        }
      >
        <p>
          Nothing lives at <code>{location.pathname}</code>. Use the navigation or the search box to find a team,
          service or capability.
        </p>
      </EmptyState>
    </div>
  );
}
