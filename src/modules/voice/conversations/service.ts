import type { Kysely } from 'kysely';
import type { Database, Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import type { Conversation, ConversationInput, Engagement, EngagementInput } from './contract.js';
import { creditedPlatformTeam, findTeam } from './credit.js';
import * as repo from './repo.js';
import { conversationView, engagementView } from './views.js';

const today = (now: Date) => now.toISOString().slice(0, 10);
/** A date may be tomorrow in UTC for a writer east of Greenwich; later is not something that happened. */
const latestDate = (now: Date) => today(new Date(now.getTime() + 86_400_000));

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

async function withPains(db: Db, rows: repo.ConversationRow[]): Promise<Conversation[]> {
  const pains = await repo.linkedPains(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    conversationView(
      r,
      pains.filter((p) => p.conversation_id === r.id).map((p) => ({ id: p.id, title: p.title, status: p.status })),
    ),
  );
}

/** Records that a platform member talked with a customer team, with the team's pains raised there. */
export async function createConversation(
  db: Kysely<Database>,
  principal: Principal,
  input: ConversationInput,
  now = new Date(),
): Promise<Conversation> {
  const team = await findTeam(db, input.team, 'team');
  const platformTeam = await creditedPlatformTeam(db, principal, input.platformTeam);
  if (input.date > latestDate(now)) throw invalid('date', 'must not be in the future');
  const painIds = [...new Set(input.pains ?? [])];
  const found = await repo.painsOfTeam(db, team.id, painIds);
  const missing = (input.pains ?? []).findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(`pains[${missing}]`, `is not a pain of ${team.name}`);
  const id = await inTransaction(db, async (tx) => {
    const created = await repo.insertConversation(
      tx,
      {
        teamId: team.id,
        platformTeamId: platformTeam?.id ?? null,
        date: input.date,
        people: input.people,
        channel: input.channel ?? null,
        notes: input.notes ?? null,
        createdBy: principal.name,
      },
      painIds,
    );
    await recordAudit(tx, principal, {
      action: 'create',
      entity: { kind: 'conversation', id: created, ref: team.ref },
      summary: `Conversation with ${team.name} on ${input.date}${platformTeam ? ` (${platformTeam.name})` : ''}`,
      changes: diffFields(null, { ...input, team: team.name, platformTeam: platformTeam?.name ?? null }),
    });
    return created;
  });
  const [row] = await repo.listConversations(db, { id, limit: 1 });
  if (!row) throw new Error('the conversation was not stored');
  return (await withPains(db, [row]))[0] as Conversation;
}

export interface ConversationListQuery {
  team?: string | undefined;
  platformTeam?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const encodeCursor = (r: repo.ConversationRow) => Buffer.from(`${r.occurred_on}|${r.id}`).toString('base64url');

function decodeCursor(cursor: string | undefined): { date: string; id: number } | undefined {
  if (!cursor) return undefined;
  const [date, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isSafeInteger(Number(id)) || Number(id) <= 0)
    throw invalid('cursor', 'not a cursor this API returned');
  return { date, id: Number(id) };
}

/** Conversations, newest first. */
export async function listConversationPage(db: Db, q: ConversationListQuery) {
  const team = q.team ? await findTeam(db, q.team, 'team') : undefined;
  const platformTeam = q.platformTeam ? await findTeam(db, q.platformTeam, 'platformTeam') : undefined;
  const rows = await repo.listConversations(db, {
    teamId: team?.id,
    platformTeamId: platformTeam?.id,
    from: q.from,
    to: q.to,
    after: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: await withPains(db, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

/** Records a platform engineer embedded with a customer team for a period. */
export async function createEngagement(
  db: Kysely<Database>,
  principal: Principal,
  input: EngagementInput,
  now = new Date(),
): Promise<Engagement> {
  const team = await findTeam(db, input.team, 'team');
  const platformTeam = await creditedPlatformTeam(db, principal, input.platformTeam);
  if (input.endsOn && input.endsOn < input.startsOn) throw invalid('endsOn', 'must not be before startsOn');
  const id = await inTransaction(db, async (tx) => {
    const created = await repo.insertEngagement(tx, {
      teamId: team.id,
      platformTeamId: platformTeam?.id ?? null,
      engineer: input.engineer,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      goals: input.goals ?? null,
      createdBy: principal.name,
    });
    await recordAudit(tx, principal, {
      action: 'create',
      entity: { kind: 'engagement', id: created, ref: team.ref },
      summary: `${input.engineer} embedded with ${team.name} from ${input.startsOn}`,
      changes: diffFields(null, { ...input, team: team.name, platformTeam: platformTeam?.name ?? null }),
    });
    return created;
  });
  const [row] = await repo.listEngagements(db, { id });
  if (!row) throw new Error('the engagement was not stored');
  return engagementView(row, today(now));
}

export async function listEngagementViews(db: Db, teamName: string | undefined, now = new Date()) {
  const team = teamName ? await findTeam(db, teamName, 'team') : undefined;
  const rows = await repo.listEngagements(db, team ? { teamId: team.id } : {});
  return { items: rows.map((r) => engagementView(r, today(now))) };
}
