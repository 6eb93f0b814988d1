import { createHmac } from 'node:crypto';
import type { ReleaseNews } from './release-news.js';

// A generic webhook per the Standard Webhooks specification (standardwebhooks.com): a JSON body
// `{ type, timestamp, data }`, and the headers webhook-id (the same on every attempt of one announcement, so a
// receiver drops repeats), webhook-timestamp (Unix seconds of this attempt) and webhook-signature
// (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the base64 part of the "whsec_" secret).

export const WEBHOOK_EVENT = 'release.published';

export const webhookId = (announcementId: number) => `msg_paved_announcement_${announcementId}`;

export function webhookBody(news: ReleaseNews, at: Date) {
  return {
    type: WEBHOOK_EVENT,
    timestamp: at.toISOString(),
    data: {
      release: {
        id: news.id,
        capability: news.capability,
        capabilityTitle: news.capabilityTitle,
        version: news.version,
        type: news.type,
        title: news.title,
        notes: news.notes,
        date: news.releasedAt.toISOString(),
        deadline: news.deadline,
        url: news.link,
      },
    },
  };
}

/** The signature header's value for `body` sent as message `id` at `at`. */
export function webhookSignature(secret: string, id: string, at: Date, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const seconds = Math.floor(at.getTime() / 1000);
  return `v1,${createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64')}`;
}

export function webhookHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': webhookSignature(secret, id, at, body),
  };
}
