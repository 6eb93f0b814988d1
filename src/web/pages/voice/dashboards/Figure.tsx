import type { ReactNode } from 'react';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { Stat } from '../../../components/Stat.js';
import type { DefinitionAnchor } from '../../../lib/definitions.js';

/**
 * A headline number that opens the items behind it, with the count it was computed from, a one-line definition,
 * and the link to the full definition (outside the number's own link, since links do not nest).
 */
export function Figure(p: {
  label: string;
  testId: string;
  value: string;
  to: string;
  n: ReactNode;
  line: string;
  definition: DefinitionAnchor;
}) {
  return (
    <div className="metric voice-figure">
      <Stat
        label={p.label}
        testId={p.testId}
        value={p.value}
        to={p.to}
        hint={<span data-testid={`n-${p.testId}`}>{p.n}</span>}
      />
      <p className="voice-figure-line">
        {p.line} <DefinitionLink anchor={p.definition}>How it is counted</DefinitionLink>
      </p>
    </div>
  );
}
