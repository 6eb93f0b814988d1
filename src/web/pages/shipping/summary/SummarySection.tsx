import type { ReactNode } from 'react';

/** A card whose title is the target of a figure's link (`#id`), with the plain-words account of what it counts. */
export function SummarySection(p: { id: string; title: string; how: ReactNode; children: ReactNode }) {
  return (
    <section className="card stack" aria-labelledby={p.id} data-testid={`section-${p.id}`}>
      <header className="card-header">
        <h2 id={p.id} className="card-title">
          {p.title}
        </h2>
      </header>
      <p className="muted small">{p.how}</p>
      {p.children}
    </section>
  );
}
