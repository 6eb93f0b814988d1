import { direction } from './compare.js';

const ARROW = { up: '▲', down: '▼', flat: '=', none: '' } as const;

/**
 * How a number moved against the previous period, with its tone: `good` says which way is better (fewer
 * incidents, shorter lead times), so a fall can read as good news.
 */
export function Change({
  now,
  before,
  text,
  good,
  testId,
}: {
  now: number | null;
  before: number | null;
  /** What is shown after the arrow, e.g. "+12% vs previous 90 days". */
  text: string;
  good?: 'up' | 'down';
  testId?: string;
}) {
  const d = direction(now, before);
  if (d === 'none')
    return (
      <span className="change change-none" data-testid={testId}>
        {text}
      </span>
    );
  const tone = d === 'flat' || !good ? 'neutral' : d === good ? 'good' : 'bad';
  return (
    <span className={`change change-${tone}`} data-testid={testId}>
      <span aria-hidden="true">{ARROW[d]} </span>
      {text}
    </span>
  );
}
