import { markdownToMrkdwn } from './mrkdwn.js';
import { notesExcerpt, releaseName, TYPE_LABELS, type ReleaseNews } from './release-news.js';

// A Slack incoming webhook message (api.slack.com/messaging/webhooks): Block Kit blocks, and `text`, the fallback
// that notifications and clients without blocks show.

const plain = (text: string, max: number) => ({
  type: 'plain_text',
  text: text.length > max ? `${text.slice(0, max - 1)}…` : text,
  emoji: true,
});

export function slackMessage(news: ReleaseNews) {
  const name = releaseName(news);
  const type = TYPE_LABELS[news.type];
  const summary = [
    news.title ? `*${markdownToMrkdwn(news.title)}*` : null,
    `*Version* ${news.version}  ·  *Type* ${type}${news.deadline ? `  ·  *Deadline* ${news.deadline}` : ''}`,
  ].filter(Boolean);
  const notes = notesExcerpt(news.notes, 1200);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: plain(`${type}: ${name}`, 150) },
    {
      type: 'section',
      // Slack's limit for a section's text is 3,000 characters; the excerpt keeps well under it.
      text: {
        type: 'mrkdwn',
        text: [summary.join('\n'), notes ? markdownToMrkdwn(notes) : null].filter(Boolean).join('\n\n'),
      },
    },
  ];
  if (news.link)
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: plain('View the release', 75), url: news.link, action_id: 'open-release' }],
    });
  const text = `${type}: ${name}${news.title ? ` — ${news.title}` : ''}${news.link ? ` ${news.link}` : ''}`;
  return { text, blocks };
}
