import type { Db } from '../../../../db/schema/index.js';
import type { Logger } from '../../../../http/logger.js';
import { teamsInterestedIn } from '../../interest.js';
import { MIGRATION_TYPES } from '../../releases/contract.js';
import { upsertNotifications, type NewNotification } from '../repo.js';
import { askedShipped, followedRelease, migration, type Message } from './messages.js';
import { askersOf, followersOf, membersOf, releaseFacts, type Asker } from './repo.js';

/** A release dated this long before now is history being recorded (a backfill), not news: it notifies nobody. */
export const NEWS_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The follow-up `notify`: tells the people a release concerns, one notification per person and reason. Its
 * capability's followers; the reporters and voters of the requests and bugs it closes; and, for a breaking or
 * deprecation release, the members of the teams that use the capability (interest.ts 'uses'), with the deadline.
 * Safe to run again: a rerun adds nothing, and an edited release changes the text of what was sent (keeping its
 * read state) and tells only people it now concerns for a reason they were not told yet.
 */
export async function notifyRelease(db: Db, releaseId: number, logger: Logger): Promise<void> {
  const release = await releaseFacts(db, releaseId);
  if (!release) return; // no capability: nobody follows or uses it
  if (release.released_at.getTime() < Date.now() - NEWS_DAYS * DAY_MS) return;

  const messages: { person: string; message: Message }[] = [];
  for (const person of await followersOf(db, release.capability_id))
    messages.push({ person, message: followedRelease(release) });

  const asked = new Map<string, Asker[]>();
  for (const a of await askersOf(db, releaseId)) asked.set(a.person, [...(asked.get(a.person) ?? []), a]);
  for (const [person, items] of asked) messages.push({ person, message: askedShipped(release, items) });

  if (MIGRATION_TYPES.includes(release.type)) {
    const interested = await teamsInterestedIn(db, release.capability_id);
    const using = [...interested].filter(([, reasons]) => reasons.includes('uses')).map(([team]) => team);
    for (const [person, teams] of await membersOf(db, using))
      messages.push({ person, message: migration(release, teams) });
  }

  const rows: NewNotification[] = messages.map(({ person, message }) => ({ person_ref: person, ...message }));
  const added = await upsertNotifications(db, rows);
  logger.info({ releaseId, notifications: rows.length, added }, 'release notifications written');
}
