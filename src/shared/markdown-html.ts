import { parseMarkdown, type Inline } from './markdown.js';

/**
 * Markdown people typed (release notes) as an HTML string for places that take HTML (Atom and JSON feeds): read with
 * the same parser the web app renders with, so only its few constructs exist; every text is escaped (HTML in the
 * notes stays visible text, never markup), and a link keeps its href only when it is http(s) (a path of Paved is
 * made absolute with `base`); `javascript:`, `data:` and the rest become their words alone.
 */
export function markdownToSafeHtml(source: string, base?: string): string {
  return parseMarkdown(source)
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<p><strong>${escapeHtml(b.text)}</strong></p>`;
        case 'paragraph':
          return `<p>${inlines(b.inlines, base)}</p>`;
        case 'list':
          return `<ul>${b.items.map((i) => `<li>${inlines(i, base)}</li>`).join('')}</ul>`;
        case 'table': {
          const cells = (row: Inline[][], tag: string) =>
            row.map((c) => `<${tag}>${inlines(c, base)}</${tag}>`).join('');
          const body = b.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('');
          return `<table><thead><tr>${cells(b.head, 'th')}</tr></thead><tbody>${body}</tbody></table>`;
        }
      }
    })
    .join('\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** An http(s) URL as written, a Paved path made absolute against `base`, or null for anything else. */
export function safeHref(href: string, base?: string): string | null {
  try {
    const isPath = href.startsWith('/') && !href.startsWith('//');
    if (isPath && !base) return null;
    const url = isPath ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function inlines(items: Inline[], base?: string): string {
  return items
    .map((x) => {
      if (x.kind === 'text') return escapeHtml(x.text);
      if (x.kind === 'code') return `<code>${escapeHtml(x.text)}</code>`;
      if (x.kind === 'strong') return `<strong>${escapeHtml(x.text)}</strong>`;
      const href = safeHref(x.href, base);
      return href
        ? `<a href="${escapeHtml(href)}" rel="nofollow noopener">${escapeHtml(x.text)}</a>`
        : escapeHtml(x.text);
    })
    .join('');
}
