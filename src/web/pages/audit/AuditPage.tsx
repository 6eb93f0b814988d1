import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAudit } from '../../hooks/queries/use-audit.js';
import { useIsOrgAdmin, useMe } from '../../hooks/queries/use-me.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { DATE_INPUT_PROPS, isIsoDay } from '../../lib/format.js';
import { AuditRow } from './AuditRow.js';

const FILTERS = ['q', 'actor', 'kind', 'action', 'channel', 'from', 'to'] as const;
const ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'queue',
  'scan',
  'record',
  'deliver',
  'revoke',
  'reprocess',
  'remap',
];
const CHANNELS = [
  ['api', 'API (a token)'],
  ['ui', 'UI (a session)'],
  ['cli', 'CLI'],
  ['job', 'Job'],
  ['webhook', 'Webhook'],
] as const;

/** Who changed what and when, for organisation admins: every write, its channel, and the fields before and after. */
export function AuditPage() {
  const me = useMe();
  const admin = useIsOrgAdmin();
  if (me.isPending) return <Loading variant="table" count={6} label="Loading the audit trail" />;
  if (!admin)
    return (
      <div className="page">
        <PageHeader title="Audit" />
        <EmptyState title="The audit trail is for organisation admins">
          <p>Ask an organisation admin for what changed, or for the role.</p>
        </EmptyState>
      </div>
    );
  return <AuditTrail />;
}

function AuditTrail() {
  const filters = useFilterParams(FILTERS);
  const v = filters.values;
  const q = useDebounced(v.q);
  const actor = useDebounced(v.actor);
  const kind = useDebounced(v.kind);
  const list = useAudit({
    q: q || undefined,
    actor: actor || undefined,
    kind: kind || undefined,
    action: v.action || undefined,
    channel: v.channel || undefined,
    // A date being typed is not sent until it is one.
    from: isIsoDay(v.from) ? v.from : undefined,
    to: isIsoDay(v.to) ? v.to : undefined,
  });

  return (
    <div className="page">
      <PageHeader
        title="Audit"
        subtitle="Every write through the API, the UI, the CLI, jobs and webhooks: who, when, and the fields before and after. Times in UTC; secrets are never kept."
      />
      <form className="filters" role="search" aria-label="Filter the audit trail" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="audit-q">Search</label>
          <input
            id="audit-q"
            type="search"
            placeholder="Summary, who or entity"
            value={v.q}
            onChange={(e) => filters.set('q', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <input
            id="audit-actor"
            placeholder="person, token, cli:user"
            value={v.actor}
            onChange={(e) => filters.set('actor', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-kind">Entity kind</label>
          <input
            id="audit-kind"
            placeholder="capability, token…"
            value={v.kind}
            onChange={(e) => filters.set('kind', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" value={v.action} onChange={(e) => filters.set('action', e.target.value)}>
            <option value="">Any</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-channel">Channel</label>
          <select id="audit-channel" value={v.channel} onChange={(e) => filters.set('channel', e.target.value)}>
            <option value="">Any</option>
            {CHANNELS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            {...DATE_INPUT_PROPS}
            value={v.from}
            onChange={(e) => filters.set('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">Before</label>
          <input id="audit-to" {...DATE_INPUT_PROPS} value={v.to} onChange={(e) => filters.set('to', e.target.value)} />
        </div>
        {filters.active ? (
          <button type="button" className="button button-ghost" onClick={filters.clear}>
            Clear filters
          </button>
        ) : null}
      </form>
      {list.isPending ? (
        <Loading variant="table" count={8} label="Loading the audit trail" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="the audit trail" />
      ) : list.items.length === 0 ? (
        filters.active ? (
          <EmptyState
            title="No entry matches these filters"
            action={
              <button type="button" className="button" onClick={filters.clear}>
                Clear filters
              </button>
            }
          />
        ) : (
          <EmptyState title="Nothing has been changed yet">
            <p>Imports, edits, tokens, scans and webhook deliveries appear here as they happen.</p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="table audit-table">
              <caption className="visually-hidden">Audit trail, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Action</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Summary</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={list.items.length}
          />
        </>
      )}
    </div>
  );
}
