import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './markdown-html.js';

describe('Markdown to safe HTML (feeds)', () => {
  it('renders headings, paragraphs, lists, code, bold and http(s) links', () => {
    const html = markdownToSafeHtml(
      '## New\nCaches **twice** as fast with `v2`.\n\n- one\n- [docs](https://x.dev/a?b=1&c=2)',
    );
    expect(html).toBe(
      '<p><strong>New</strong></p>\n<p>Caches <strong>twice</strong> as fast with <code>v2</code>.</p>\n' +
        '<ul><li>one</li><li><a href="https://x.dev/a?b=1&amp;c=2" rel="nofollow noopener">docs</a></li></ul>',
    );
  });

  it('keeps HTML as text and drops javascript: and data: links to their words', () => {
    const html = markdownToSafeHtml(
      '<script>alert(1)</script> <img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) [d](data:text/html,x)',
    );
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>\n<p>click) d</p>',
    );
    // The reader ends a link at its first ")": the rest is text.
    expect(html).not.toMatch(/<script|<img|javascript:|href="data/);
  });

  it('makes a path of Paved absolute against the base, and drops it without one', () => {
    expect(markdownToSafeHtml('[r](/shipping/releases/4)', 'https://paved.example.com')).toBe(
      '<p><a href="https://paved.example.com/shipping/releases/4" rel="nofollow noopener">r</a></p>',
    );
    expect(markdownToSafeHtml('[r](/shipping/releases/4)')).toBe('<p>r</p>');
  });
});
