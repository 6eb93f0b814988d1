import type { ReactNode } from 'react';

/** A bordered surface; with a title it becomes a labelled section. */
export function Card({
  title,
  actions,
  children,
  className = '',
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card ${className}`.trim()}>
      {title !== undefined || actions !== undefined ? (
        <header className="card-header">
          {title !== undefined ? <h2 className="card-title">{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      {children}
    </section>
  );
}
