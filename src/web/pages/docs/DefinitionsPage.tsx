import { useEffect, useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import definitions from '../../../../docs/definitions.md?raw';
import { parseMarkdown, type Block, type Inline } from '../../lib/markdown.js';

function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((x, i) =>
        x.kind === 'code' ? (
          <code key={i}>{x.text}</code>
        ) : x.kind === 'strong' ? (
          <strong key={i}>{x.text}</strong>
        ) : x.kind === 'link' ? (
          x.href.startsWith('/') ? (
            <Link key={i} to={x.href}>
              {x.text}
            </Link>
          ) : (
            <a key={i} href={x.href}>
              {x.text}
            </a>
          )
        ) : (
          x.text
        ),
      )}
    </>
  );
}

function BlockView({ block: b }: { block: Block }): ReactNode {
  switch (b.kind) {
    case 'heading': {
      const H = b.level === 1 ? 'h1' : b.level === 2 ? 'h2' : 'h3';
      return (
        <H id={b.id}>
          {b.text}
          {b.level > 1 ? (
            <a className="anchor" href={`#${b.id}`} aria-label={`Link to ${b.text}`}>
              #
            </a>
          ) : null}
        </H>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Inlines items={b.inlines} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {b.items.map((item, i) => (
            <li key={i}>
              <Inlines items={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {b.head.map((c, i) => (
                  <th key={i} scope="col">
                    <Inlines items={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i}>
                      <Inlines items={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** docs/definitions.md, bundled with the app so it reads offline; a link to `#anchor` scrolls to that definition. */
export function DefinitionsPage() {
  const blocks = useMemo(() => parseMarkdown(definitions), []);
  const { hash } = useLocation();
  // ScrollToHash scrolls to a #definition (one scroller: two fought, and the heading ended mid-screen).
  useEffect(() => {
    if (!hash) window.scrollTo(0, 0);
  }, [hash]);
  return (
    <article className="page page-narrow definitions" aria-label="Definitions">
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}
