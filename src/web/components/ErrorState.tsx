import { Link } from 'react-router-dom';
import { ApiError } from '../api/client.js';

function describe(error: unknown): { title: string; message: string; code: string | null } {
  if (error instanceof ApiError) {
    if (error.status === 404) return { title: 'Not found', message: error.message, code: error.code };
    if (error.status === 403) return { title: 'Not allowed', message: error.message, code: error.code };
    if (error.status === 0) return { title: 'Cannot reach Paved', message: error.message, code: null };
    return { title: 'Something went wrong', message: error.message, code: error.code };
  }
  return { title: 'Something went wrong', message: error instanceof Error ? error.message : String(error), code: null };
}

/** A failed load: what happened, in the API's words, and a way to try again. */
export function ErrorState({ error, retry, what }: { error: unknown; retry?: () => void; what?: string }) {
  const { title, message, code } = describe(error);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="error-state" role="alert">
      <p className="error-title">{what && !notFound ? `${title} while loading ${what}` : title}</p>
      <p className="error-message">
        {message}
        {code ? <span className="muted"> ({code})</span> : null}
      </p>
      <div className="row">
        {retry && !notFound ? (
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        ) : null}
        {notFound ? (
          <Link className="button" to="/">
            Back to home
          </Link>
        ) : null}
      </div>
    </div>
  );
}
