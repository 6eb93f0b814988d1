import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { adoptedCounts } from '../summary/adoption-counts.js';
import * as repo from './repo.js';
import { conversationView, engagementView } from './views.js';

const DAY = 86_400_000;
const AFTER_DAYS = 90;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** The end of a calendar date: what held at the close of that day. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY - 1);

/**
 * What the team page shows of the voice: last contact, recent conversations, and engagements with what changed
 * for the team: capabilities adopted and open pains at the start, at the end (today while ongoing) and 90 days
 * after the end (once that day has come). A plain before/after, not an attributed effect.
 */
export async function teamVoice(db: Db, team: EntityRow, now = new Date()) {
  const today = day(now);
  const [last, rows, engagementRows] = await Promise.all([
    repo.lastContact(db, team.id, today),
    repo.listConversations(db, { teamId: team.id, limit: 20 }),
    repo.listEngagements(db, { teamId: team.id }),
  ]);
  const pains = await repo.linkedPains(
    db,
    rows.map((r) => r.id),
  );
  const adopted = engagementRows.length > 0 ? await adoptedCounts(db, now) : () => 0;
  const engagements = [];
  for (const row of engagementRows) {
    const start = new Date(`${row.starts_on}T00:00:00Z`);
    const end = row.ends_on === null || row.ends_on > today ? now : endOf(row.ends_on);
    const afterAt = row.ends_on === null ? null : new Date(endOf(row.ends_on).getTime() + AFTER_DAYS * DAY);
    const times = [start <= now ? start : null, start <= now ? end : null, afterAt && afterAt <= now ? afterAt : null];
    const open = await repo.openPainsAt(
      db,
      team.id,
      times.map((t) => t ?? now),
    );
    const snapshot = (i: number) => {
      const at = times[i];
      return at ? { at: day(at), capabilitiesAdopted: adopted(team.ref, at), openPains: open[i] ?? 0 } : null;
    };
    engagements.push({
      ...engagementView(row, today),
      change: { atStart: snapshot(0), atEnd: snapshot(1), after90Days: snapshot(2) },
    });
  }
  return {
    team: team.name,
    lastContact: last,
    conversations: rows.map((r) =>
      conversationView(
        r,
        pains.filter((p) => p.conversation_id === r.id).map((p) => ({ id: p.id, title: p.title, status: p.status })),
      ),
    ),
    engagements,
  };
}
