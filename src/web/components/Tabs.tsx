import { Link } from 'react-router-dom';

export interface TabItem {
  label: string;
  to: string;
  active: boolean;
  count?: number | undefined;
}

/** Filter tabs that are links: each view has an address, and the active one is marked for screen readers. */
export function Tabs({ items, label }: { items: TabItem[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {items.map((t) => (
        <Link
          key={t.label}
          to={t.to}
          className={t.active ? 'tab tab-active' : 'tab'}
          aria-current={t.active ? 'page' : undefined}
          replace
        >
          {t.label}
          {t.count !== undefined ? <span className="tab-count">{t.count}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
