import { describe, expect, it } from 'vitest';
import { markdownToMrkdwn } from './mrkdwn.js';
import { notesExcerpt } from './release-news.js';

describe('release notes in Slack mrkdwn', () => {
  it('escapes what Slack reads as markup, so notes cannot mention @channel or forge links', () => {
    expect(markdownToMrkdwn('Ping <!channel> & see <https://evil.example|docs>')).toBe(
      'Ping &lt;!channel&gt; &amp; see &lt;https://evil.example|docs&gt;',
    );
  });

  it('keeps http(s) and mailto links only, drops HTML and images, keeps code blocks as they are', () => {
    expect(
      markdownToMrkdwn('[x](javascript:alert(1)) [y](https://a.example/?q=1&r=2) <b>bold</b> ![logo](l.png)'),
    ).toBe('x <https://a.example/?q=1&amp;r=2|y> bold logo');
    expect(markdownToMrkdwn('```\nif (a < b) **x**\n```')).toBe('```\nif (a &lt; b) **x**\n```');
    expect(markdownToMrkdwn('*it* and **bold** and ~~gone~~\n> quoted')).toBe('_it_ and *bold* and ~gone~\n> quoted');
  });

  it('cuts the notes at a paragraph, or at a word when the first paragraph is too long', () => {
    expect(notesExcerpt('one\n\ntwo\n\nthree', 10)).toBe('one\n\ntwo\n\n…');
    expect(notesExcerpt('a long first paragraph', 12)).toBe('a long…');
    expect(notesExcerpt('short', 100)).toBe('short');
  });
});
