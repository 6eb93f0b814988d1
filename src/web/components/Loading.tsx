/** Skeletons shaped like what is coming, so the page does not jump when it arrives. */
export function Loading({
  variant = 'lines',
  count = 3,
  label = 'Loading',
}: {
  variant?: 'lines' | 'cards' | 'table' | 'stats';
  count?: number;
  label?: string;
}) {
  const items = Array.from({ length: count }, (_, i) => i);
  return (
    <div className={`skeleton-${variant}`} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      {items.map((i) =>
        variant === 'lines' ? (
          <div key={i} className="skeleton skeleton-line" style={{ width: `${90 - ((i * 17) % 40)}%` }} />
        ) : variant === 'table' ? (
          <div key={i} className="skeleton skeleton-row" />
        ) : (
          <div key={i} className={`skeleton skeleton-${variant === 'stats' ? 'stat' : 'card'}`} />
        ),
      )}
    </div>
  );
}
