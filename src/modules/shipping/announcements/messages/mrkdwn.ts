// Markdown (release notes) to Slack's mrkdwn: Slack reads its own markup, not Markdown, and treats &, < and > as
// control characters, so user text is escaped and only links with http(s) or mailto targets become links.

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const BOLD = '\u0001';
/** An HTML tag (not Slack's own <url|text>, which escaping turns into text). */
export const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?\/?>/g;
/** `[text](target "title")`, the target allowed one level of parentheses. */
export const MARKDOWN_LINK = /\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\)/g;

function link(text: string, target: string): string {
  if (!/^(https?:|mailto:)/i.test(target)) return text;
  return `<${target.replace(/[| ]/g, encodeURIComponent)}|${text.replace(/[|]/g, '/')}>`;
}

function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(MARKDOWN_LINK, (_, text: string, target: string) => link(text, target))
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => `${BOLD}${a ?? b}${BOLD}`)
    .replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replaceAll(BOLD, '*');
}

/** Slack mrkdwn for a Markdown text: headings bold, lists with bullets, links as <url|text>, HTML dropped. */
export function markdownToMrkdwn(markdown: string): string {
  let inCode = false;
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      if (/^\s*```/.test(raw)) {
        inCode = !inCode;
        return '```';
      }
      if (inCode) return escape(raw);
      const line = escape(raw.replace(HTML_TAG, ''));
      const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) return `*${inline(heading[1] ?? '').replace(/\*/g, '')}*`;
      const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
      if (item) return `${item[1] ?? ''}• ${inline(item[2] ?? '')}`;
      return inline(line.replace(/^\s{0,3}&gt;\s?/, '> '));
    })
    .join('\n');
}
