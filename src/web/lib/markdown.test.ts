import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFINITION, definitionLink } from './definitions.js';
import { parseInline, parseMarkdown, slug } from './markdown.js';

describe('the definitions document', () => {
  const blocks = parseMarkdown(readFileSync('docs/definitions.md', 'utf8'));
  const ids = blocks.flatMap((b) => (b.kind === 'heading' ? [b.id] : []));

  it('has a section for every anchor the app links to, and no two sections share one', () => {
    for (const anchor of Object.values(DEFINITION)) expect(ids).toContain(anchor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(definitionLink(DEFINITION.adoptionRate)).toBe('/docs/definitions#adoption-rate');
  });

  it('reads as headings, paragraphs, lists and the levels table', () => {
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(4);
    const funnel = blocks.find((b) => b.kind === 'list');
    expect(funnel?.kind === 'list' && funnel.items.length).toBe(4);
  });
});

describe('markdown', () => {
  it('makes GitHub’s anchors', () => {
    expect(slug('Days from GA')).toBe('days-from-ga');
    expect(slug('Voluntary and mandated')).toBe('voluntary-and-mandated');
    expect(slug('What counts as production?')).toBe('what-counts-as-production');
  });

  it('reads code, bold and links inside text', () => {
    expect(parseInline('A `prod` **deploy**, see [levels](#levels).')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'code', text: 'prod' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'deploy' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'levels', href: '#levels' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('joins wrapped lines of a paragraph and of a list item', () => {
    expect(parseMarkdown('# T\n\none\ntwo\n\n- a\n  b\n- c\n')).toEqual([
      { kind: 'heading', level: 1, id: 't', text: 'T' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'one two' }] },
      {
        kind: 'list',
        items: [[{ kind: 'text', text: 'a b' }], [{ kind: 'text', text: 'c' }]],
      },
    ]);
  });
});
