import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { definitionLink, type DefinitionAnchor } from '../lib/definitions.js';

/** A quiet link from a number's explanation to its definition in docs/definitions.md. */
export function DefinitionLink({
  anchor,
  children = 'how it is counted',
}: {
  anchor: DefinitionAnchor;
  children?: ReactNode;
}) {
  return (
    <Link className="definition-link" to={definitionLink(anchor)} data-definition={anchor}>
      {children}
    </Link>
  );
}
