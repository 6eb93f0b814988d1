import { Link } from 'react-router-dom';
import { useCapabilityDemos } from '../../../hooks/queries/use-demos.js';
import { formatDate, formatPercent, plural } from '../../../lib/format.js';

/** The capability page's Demos line: how many demos, the latest, and the conversion over those whose 60 days are over. */
export function CapabilityDemosLine({ name }: { name: string }) {
  const demos = useCapabilityDemos(name);
  if (demos.isPending || demos.error) return null;
  const { conversion: c, demos: list } = demos.data;
  const latest = list[0];
  return (
    <section className="voice-anchor" data-testid="capability-demos" aria-label="Demos">
      <h3 className="subheading">Demos</h3>
      {latest ? (
        <p>
          {plural(list.length, 'demo')}, the latest on{' '}
          <Link to={`/shipping/demos/${latest.id}`}>{formatDate(latest.date)}</Link>.{' '}
          {c.value === null
            ? 'No conversion yet: no demo has both a team that could adopt and its 60 days over.'
            : `Conversion ${formatPercent(c.value)}: ${c.converted} of ${plural(c.eligible, 'attending team')} that did not use it yet adopted within 60 days`}
          {c.value !== null && c.provisionalDemos > 0
            ? ` (${plural(c.provisionalDemos, 'recent demo')} not counted until its 60 days are over).`
            : c.value !== null
              ? '.'
              : ''}{' '}
          <Link to="/shipping/demos">All demos</Link>
        </p>
      ) : (
        <p className="muted">
          No demo of this capability yet. <Link to="/shipping/demos">Demos</Link>
        </p>
      )}
    </section>
  );
}
