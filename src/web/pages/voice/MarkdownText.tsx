import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { parseMarkdown, type Block, type Inline } from '../../lib/markdown.js';
import { safeUrl } from '../../lib/refs.js';

/**
 * Text people typed, read as Markdown and rendered as React elements: HTML in it stays text (nothing is ever set as
 * HTML), and a link is followed only when it goes to http(s) or to a page of Paved; any other (`javascript:`,
 * `data:`) shows as its words alone.
 */
function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((x, i) => {
        if (x.kind === 'code') return <code key={i}>{x.text}</code>;
        if (x.kind === 'strong') return <strong key={i}>{x.text}</strong>;
        if (x.kind === 'text') return x.text;
        if (x.href.startsWith('/') && !x.href.startsWith('//'))
          return (
            <Link key={i} to={x.href}>
              {x.text}
            </Link>
          );
        const href = safeUrl(x.href);
        return href ? (
          <a key={i} href={href} target="_blank" rel="noreferrer noopener nofollow">
            {x.text}
          </a>
        ) : (
          <span key={i} className="link-refused" title="Not a web link: not followed">
            {x.text}
          </span>
        );
      })}
    </>
  );
}

function BlockView({ block: b }: { block: Block }) {
  switch (b.kind) {
    case 'heading':
      // The page has its own headings: a typed one is a strong line, not an h1 that competes with them.
      return <p className="markdown-heading">{b.text}</p>;
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
          <table className="table table-compact">
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

export function MarkdownText({ text, label }: { text: string; label?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className="markdown" aria-label={label}>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}
