import { performance } from 'node:perf_hooks';
import { ALLOW_PRIVATE_SETTING, DestinationRefused, safeFetch } from '../../../connectors/safe-fetch.js';
import { EXCERPT_CHARS, SEND_TIMEOUT_MS } from './backoff.js';
import { releaseLink, type ReleaseNews } from './messages/release-news.js';
import { slackMessage } from './messages/slack.js';
import { teamsMessage } from './messages/teams.js';
import { webhookBody, webhookHeaders, webhookId } from './messages/webhook.js';
import type { AnnouncementToSend, AttemptOutcome } from './repo.js';
import { openSubscriptionValue } from './subscription-secrets.js';

/** What sending needs from the server's settings. */
export interface SendSettings {
  /** PAVED_SECRET_KEY: opens the stored URL and signing secret. */
  secretKey: Buffer | null;
  /** PAVED_PUBLIC_URL: links to the release page; none without it. */
  publicUrl: string | null;
  /** PAVED_ALLOW_PRIVATE_DESTINATIONS. */
  allowPrivate: boolean;
  timeoutMs?: number;
}

const newsOf = (a: AnnouncementToSend, publicUrl: string | null): ReleaseNews => ({
  id: a.release_id,
  capability: a.capability,
  capabilityTitle: a.capability_title,
  version: a.version,
  type: a.type,
  title: a.title,
  notes: a.notes,
  releasedAt: new Date(a.released_at),
  deadline: a.deadline === null ? null : String(a.deadline).slice(0, 10),
  link: releaseLink(publicUrl, a.release_id),
});

function request(a: AnnouncementToSend, settings: SendSettings, at: Date) {
  const news = newsOf(a, settings.publicUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Paved-Announcements' };
  if (a.kind === 'slack') return { headers, body: JSON.stringify(slackMessage(news)) };
  if (a.kind === 'teams') return { headers, body: JSON.stringify(teamsMessage(news)) };
  if (!a.secret_sealed) throw new Error('the webhook has no signing secret');
  const secret = openSubscriptionValue(settings.secretKey, a.subscription_id, 'secret', a.secret_sealed);
  const body = JSON.stringify(webhookBody(news, at));
  return { headers: { ...headers, ...webhookHeaders(secret, webhookId(a.id), at, body) }, body };
}

/**
 * One attempt to deliver an announcement: the destination is checked again (a host may have started resolving to
 * a private address), redirects are not followed (a signed POST goes where it was told), the whole exchange takes
 * at most 10 s. Never throws: a failure is an outcome to log.
 */
export async function sendAnnouncement(
  a: AnnouncementToSend,
  settings: SendSettings,
  at: Date = new Date(),
): Promise<AttemptOutcome> {
  const started = performance.now();
  const failed = (error: string): AttemptOutcome => ({
    statusCode: null,
    error,
    latencyMs: performance.now() - started,
    responseExcerpt: null,
  });
  try {
    const url = new URL(openSubscriptionValue(settings.secretKey, a.subscription_id, 'url', a.url_sealed));
    if (url.protocol !== 'https:' && !settings.allowPrivate)
      return failed(`refused: ${url.protocol} is not https (allowed only with ${ALLOW_PRIVATE_SETTING}=true)`);
    const { headers, body } = request(a, settings, at);
    const response = await safeFetch(
      url,
      { method: 'POST', headers, body },
      {
        allowPrivate: settings.allowPrivate,
        timeoutMs: settings.timeoutMs ?? SEND_TIMEOUT_MS,
        maxBytes: 1024 * 1024,
        maxRedirects: 0,
      },
    );
    const text = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      error: ok ? null : `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      latencyMs: performance.now() - started,
      responseExcerpt: text ? text.slice(0, EXCERPT_CHARS) : null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return failed(error instanceof DestinationRefused ? `refused: ${message}` : `${message}${cause}`.slice(0, 1000));
  }
}
