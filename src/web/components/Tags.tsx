import type { Service } from '../api/types.js';
import { safeUrl } from '../lib/refs.js';

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((t) => (
        <li key={t} className="tag">
          {t}
        </li>
      ))}
    </ul>
  );
}

/** Catalog links; ones that are not http(s) are shown as text, never followed. */
export function Links({ links }: { links: Service['links'] }) {
  if (links.length === 0) return null;
  return (
    <ul className="plain-list">
      {links.map((l, i) => {
        const href = safeUrl(l.url);
        return (
          <li key={`${l.url}-${i}`}>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {l.title ?? l.url} ↗
              </a>
            ) : (
              <span>{l.title ?? l.url}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
