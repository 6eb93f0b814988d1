import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The page's h1, an optional breadcrumb back to its list, and its actions. */
export function PageHeader({
  title,
  subtitle,
  back,
  actions,
  badges,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <div className="page-header">
      {back ? (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={back.to}>← {back.label}</Link>
        </nav>
      ) : null}
      <div className="page-header-main">
        <div>
          <h1>
            {title} {badges ? <span className="title-badges">{badges}</span> : null}
          </h1>
          {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="row">{actions}</div> : null}
      </div>
    </div>
  );
}
