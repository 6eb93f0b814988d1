import type { FeedbackItem } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { useChangeFeedback } from '../../hooks/queries/use-change-feedback.js';

interface Action {
  label: string;
  patch: Record<string, unknown>;
  primary?: boolean;
}

const now = () => new Date().toISOString();

/** What can be done to the item now: the platform side's steps (acknowledge, fix, answer, resolve, plan), a pain's. */
function actionsOf(item: FeedbackItem, platform: boolean): Action[] {
  switch (item.kind) {
    case 'pain':
      return item.resolvedAt
        ? [{ label: 'Reopen', patch: { resolvedAt: null } }]
        : [{ label: 'Mark resolved', patch: { resolvedAt: now() }, primary: true }];
    case 'bug':
      if (!platform) return [];
      if (item.fixedAt) return [{ label: 'Reopen', patch: { fixedAt: null } }];
      return [
        ...(item.acknowledgedAt ? [] : [{ label: 'Acknowledge', patch: { acknowledgedAt: now() }, primary: true }]),
        { label: 'Mark fixed', patch: { fixedAt: now() }, primary: !!item.acknowledgedAt },
      ];
    case 'support':
      if (!platform) return [];
      if (item.resolvedAt) return [{ label: 'Reopen', patch: { resolvedAt: null } }];
      return [
        ...(item.firstResponseAt
          ? []
          : [{ label: 'Record first response', patch: { firstResponseAt: now() }, primary: true }]),
        { label: 'Resolve', patch: { resolvedAt: now() }, primary: !!item.firstResponseAt },
      ];
    case 'request':
      if (!platform) return [];
      return (['open', 'planned', 'done', 'declined'] as const)
        .filter((s) => s !== item.status)
        .map((s) => ({ label: s === 'open' ? 'Reopen' : `Mark ${s}`, patch: { status: s }, primary: s === 'planned' }));
  }
}

/** The buttons that move an item along; the API says no (403) when the person is not the team answerable. */
export function ItemActions({ item, platform, writes }: { item: FeedbackItem; platform: boolean; writes: boolean }) {
  const change = useChangeFeedback(item.kind, item.id);
  const actions = writes ? actionsOf(item, platform) : [];
  if (actions.length === 0) return null;
  return (
    <Card title={platform && item.kind !== 'pain' ? 'Platform team' : 'Status'}>
      <div className="row">
        {actions.map((a) => (
          <button
            key={a.label}
            type="button"
            className={a.primary ? 'button button-primary' : 'button'}
            disabled={change.isPending}
            onClick={() => change.mutate(a.patch)}
          >
            {a.label}
          </button>
        ))}
      </div>
      <p className="small muted">Times are recorded as now; the item’s status follows from them.</p>
      {change.error ? (
        <p className="field-error" role="alert">
          {change.error.message}
        </p>
      ) : null}
    </Card>
  );
}
