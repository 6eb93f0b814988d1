import { HTML_TAG, MARKDOWN_LINK } from './mrkdwn.js';
import { notesExcerpt, releaseName, TYPE_LABELS, type ReleaseNews } from './release-news.js';

// A Microsoft Teams workflow webhook ("Post to a channel when a webhook request is received"): a message with one
// Adaptive Card 1.4 attachment. TextBlocks read a subset of Markdown (bold, italic, lists, links); HTML and images
// are dropped from the notes, headings become bold lines.

function cardMarkdown(markdown: string): string {
  return markdown
    .replace(HTML_TAG, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(MARKDOWN_LINK, (whole: string, text: string, target: string) =>
      /^(https?:|mailto:)/i.test(target) ? whole : text,
    )
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '**$1**');
}

export function teamsMessage(news: ReleaseNews) {
  const facts = [
    { title: 'Version', value: news.version },
    { title: 'Type', value: TYPE_LABELS[news.type] },
    ...(news.deadline ? [{ title: 'Deadline', value: news.deadline }] : []),
  ];
  const notes = notesExcerpt(news.notes, 1200);
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      text: `${TYPE_LABELS[news.type]}: ${releaseName(news)}`,
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    },
    ...(news.title ? [{ type: 'TextBlock', text: cardMarkdown(news.title), weight: 'Bolder', wrap: true }] : []),
    { type: 'FactSet', facts },
    ...(notes ? [{ type: 'TextBlock', text: cardMarkdown(notes), wrap: true }] : []),
  ];
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    ...(news.link ? { actions: [{ type: 'Action.OpenUrl', title: 'View the release', url: news.link }] } : {}),
  };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
