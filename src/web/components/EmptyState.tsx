import type { ReactNode } from 'react';

/** What a page shows when there is nothing yet: what it means and what to do next. */
export function EmptyState({
  title,
  children,
  action,
  compact = false,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={compact ? 'empty empty-compact' : 'empty'} role="status">
      <svg className="empty-icon" viewBox="0 0 24 24" aria-hidden="true" width="32" height="32">
        <path d="M4 7h16M4 12h16M4 17h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" fill="none" />
      </svg>
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

/** The import command, shown wherever an empty catalog is the likely reason for an empty page. */
export function ImportHint() {
  return (
    <>
      <p>Import your Backstage catalog to fill it:</p>
      <pre className="code">
        <code>paved import backstage ./catalog</code>
      </pre>
      <p>
        or send descriptors to <code>POST /api/v1/imports/backstage</code> (see the{' '}
        <a href="/api/openapi.json">API reference</a>).
      </p>
    </>
  );
}
