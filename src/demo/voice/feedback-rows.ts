import type { EntityRow } from '../../db/schema/entities.js';
import { actor } from '../../modules/audit/actor.js';
import type { NewFeedback } from '../../modules/voice/feedback/contract.js';
import { feedbackRow } from '../../modules/voice/feedback/create-item.js';
import type { NewFeedbackRow } from '../../modules/voice/feedback/repo.js';
import type { DemoUser } from '../demo-catalog.js';
import type { DemoFeedbackItem } from './voice-plan.js';

const time = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The item as the API's create path would have taken it: the same fields, its past times included. The names are
 * only the input's shape (the row takes the resolved entities); only a bug may come without a team.
 */
function asInput(item: DemoFeedbackItem): NewFeedback {
  const names = { team: item.team ?? '', capability: item.capability, title: item.title, body: item.body };
  switch (item.kind) {
    case 'pain':
      return {
        kind: 'pain',
        input: {
          ...names,
          category: item.category,
          severity: item.severity ?? 3,
          hoursLostPerWeek: item.hoursLostPerWeek ?? 0,
          createdAt: time(item.openedAt),
          resolvedAt: time(item.closedAt),
        },
      };
    case 'request':
      return {
        kind: 'request',
        input: {
          ...names,
          createdAt: time(item.openedAt),
          status: item.requestStatus ?? undefined,
          closedAt: time(item.closedAt),
        },
      };
    case 'bug':
      return {
        kind: 'bug',
        input: {
          ...names,
          capability: item.capability ?? '',
          team: item.team,
          severity: item.severity ?? 3,
          reportedAt: time(item.openedAt),
          acknowledgedAt: time(item.respondedAt),
          fixedAt: time(item.closedAt),
        },
      };
    case 'support':
      return {
        kind: 'support',
        input: {
          ...names,
          platformTeam: item.platformTeam,
          category: item.category ?? 'other',
          openedAt: time(item.openedAt),
          firstResponseAt: time(item.respondedAt),
          resolvedAt: time(item.closedAt),
        },
      };
  }
}

export interface RowContext {
  /** The marker the demo's external ids start with, then the item's key. */
  externalIdPrefix: string;
  entity(kind: 'group' | 'capability', name: string | null): EntityRow | null;
  person(name: string | null): DemoUser | null;
  problemId(key: string | null): number | null;
  today: Date;
}

/**
 * The row a demo item becomes, made by the same function the API and the CSV import use (status from the times,
 * times in order), plus what the demo knows beyond an input: its problem, RICE, the GitHub issue it came from.
 */
export function demoFeedbackRow(item: DemoFeedbackItem, ctx: RowContext): NewFeedbackRow {
  const author = ctx.person(item.author);
  const who = author
    ? actor(author.displayName, 'job', { person: author.ref })
    : actor(item.github?.login ?? 'unknown', 'job');
  const refs = {
    team: ctx.entity('group', item.team),
    capability: ctx.entity('capability', item.capability),
    platformTeam: ctx.entity('group', item.platformTeam),
  };
  const made = feedbackRow(asInput(item), refs, who, item.github ? 'github' : 'paved', ctx.today);
  if (!made.ok) throw new Error(`demo voice: item ${item.key}: ${made.field}: ${made.reason}`);
  const last = [item.openedAt, item.respondedAt, item.closedAt]
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);
  return {
    ...made.row,
    problem_id: ctx.problemId(item.problem),
    impact: item.rice?.impact ?? null,
    confidence: item.rice?.confidence ?? null,
    effort: item.rice?.effort ?? null,
    external_id: `${ctx.externalIdPrefix}${item.key}`,
    external_url: item.github?.url ?? null,
    external_repository: item.github?.repository ?? null,
    external_author: item.github?.login ?? null,
    created_at: new Date(item.openedAt),
    updated_at: new Date(last ?? item.openedAt),
  };
}
