import type { Conversation, Engagement } from './contract.js';
import type { ConversationRow, EngagementRow } from './repo.js';

export function conversationView(
  row: ConversationRow,
  pains: { id: number; title: string; status: string }[],
): Conversation {
  return {
    id: row.id,
    team: row.team,
    platformTeam: row.platform_team,
    date: row.occurred_on,
    people: row.people,
    channel: row.channel,
    notes: row.notes,
    pains,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Planned before its start, current until its end date (inclusive), past after. */
export function engagementView(row: EngagementRow, today: string): Engagement {
  const status = today < row.starts_on ? 'planned' : row.ends_on !== null && today > row.ends_on ? 'past' : 'current';
  return {
    id: row.id,
    team: row.team,
    platformTeam: row.platform_team,
    engineer: row.engineer,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    goals: row.goals,
    status,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
