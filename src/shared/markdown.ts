/**
 * The Markdown that Paved's own documents use (headings, paragraphs, lists, tables, `code`, **bold**, links), read
 * into blocks the page renders as React elements: no HTML string is ever injected, and no dependency is needed.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; id: string; text: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens ("Days from GA" → `days-from-ga`). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else out.push({ kind: 'link', text: m[3] ?? '', href: m[4] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => parseInline(c.trim()));

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.split(/\r?\n/);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,3})\s+(.+)$/.exec(line);
    if (line.trim() === '') {
      i += 1;
    } else if (heading) {
      const text = (heading[2] ?? '').trim();
      blocks.push({ kind: 'heading', level: (heading[1] ?? '#').length as 1 | 2 | 3, id: slug(text), text });
      i += 1;
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      for (; i < lines.length && /^(- |\s+\S)/.test(lines[i] ?? ''); i += 1) {
        const l = lines[i] ?? '';
        if (l.startsWith('- ')) items.push(l.slice(2));
        else items[items.length - 1] += ` ${l.trim()}`;
      }
      blocks.push({ kind: 'list', items: items.map(parseInline) });
    } else if (line.startsWith('|')) {
      const rows: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').startsWith('|'); i += 1) rows.push(lines[i] ?? '');
      const [head = '', , ...body] = rows;
      blocks.push({ kind: 'table', head: cellsOf(head), rows: body.map(cellsOf) });
    } else {
      const text: string[] = [];
      for (; i < lines.length && !/^(#|- |\||\s*$)/.test(lines[i] ?? ''); i += 1) text.push((lines[i] ?? '').trim());
      blocks.push({ kind: 'paragraph', inlines: parseInline(text.join(' ')) });
    }
  }
  return blocks;
}
