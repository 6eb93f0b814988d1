import type { ComponentProps } from 'react';
import type { DefinitionAnchor } from '../lib/definitions.js';
import { DefinitionLink } from './DefinitionLink.js';
import { Stat } from './Stat.js';

/** A headline number with the link to its definition under it: outside the stat's own link, since links do not nest. */
export function DefinedStat({ definition, ...stat }: ComponentProps<typeof Stat> & { definition: DefinitionAnchor }) {
  return (
    <div className="metric">
      <Stat {...stat} />
      <DefinitionLink anchor={definition}>How it is counted</DefinitionLink>
    </div>
  );
}
