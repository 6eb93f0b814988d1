import { Link } from 'react-router-dom';
import type { FeedbackKind } from '../../api/voice-types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Tabs } from '../../components/Tabs.js';
import { useFeedbackItems } from '../../hooks/queries/use-feedback-items.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { DATE_INPUT_PROPS } from '../../lib/format.js';
import { KIND_INFO, KIND_LIST } from '../../lib/voice-kinds.js';
import { ItemTable } from './ItemTable.js';

/** Not closed yet, whatever step it reached: what the API's lists call `unresolved`. */
const UNRESOLVED = 'unresolved';

// The dashboards link here with these names in the query string: keep them.
const FILTERS = [
  'team',
  'capability',
  'status',
  'q',
  'from',
  'to',
  'problem',
  'platformTeam',
  'category',
  'closedFrom',
  'closedTo',
] as const;
/** Filters that mean the same for every kind, kept when switching kinds. */
const SHARED = ['team', 'capability', 'q', 'from', 'to', 'problem'] as const;

/** A date or time the API reads; anything half-typed is not sent. */
const validTime = (text: string) => (text && !Number.isNaN(Date.parse(text)) ? text : undefined);

/** The filters a dashboard figure adds that the form does not show, in words. */
function narrowing(v: Record<(typeof FILTERS)[number], string>): string | null {
  const parts = [
    v.platformTeam ? `asked of ${v.platformTeam}` : null,
    v.category ? `in category ${v.category}` : null,
    v.closedFrom || v.closedTo
      ? `closed ${v.closedFrom ? `from ${v.closedFrom}` : ''}${v.closedFrom && v.closedTo ? ' ' : ''}${v.closedTo ? `before ${v.closedTo}` : ''}`
      : null,
  ].filter(Boolean);
  return parts.length > 0 ? `Only those ${parts.join(', ')}.` : null;
}

/** Pains, requests, bugs or support requests, filtered by what the address says. */
export function ItemListPage({ kind }: { kind: FeedbackKind }) {
  const info = KIND_INFO[kind];
  const filters = useFilterParams(FILTERS);
  const v = filters.values;
  const q = useDebounced(v.q);
  const team = useDebounced(v.team);
  const capability = useDebounced(v.capability);
  const status = info.statuses.includes(v.status) || v.status === UNRESOLVED ? v.status : undefined;
  const list = useFeedbackItems(kind, {
    q: q || undefined,
    team: team || undefined,
    capability: capability || undefined,
    status,
    from: validTime(useDebounced(v.from)),
    to: validTime(useDebounced(v.to)),
    problem: /^\d+$/.test(v.problem) ? v.problem : undefined,
    // From the dashboards' figures: the platform team asked, a category, closed in a period.
    platformTeam: v.platformTeam || undefined,
    category: v.category || undefined,
    closedFrom: validTime(v.closedFrom),
    closedTo: validTime(v.closedTo),
  });
  const keep = new URLSearchParams(SHARED.flatMap((n) => (v[n] ? [[n, v[n]]] : [])));
  const kindTabs = KIND_LIST.map((k) => ({
    label: k.plural,
    to: `/voice/${k.page}${keep.size ? `?${keep.toString()}` : ''}`,
    active: k.kind === kind,
  }));

  return (
    <div className="page">
      <PageHeader
        title={info.plural}
        subtitle={
          <>
            {v.problem ? (
              <>
                Items of problem <Link to={`/voice/problems/${v.problem}`}>#{v.problem}</Link>.{' '}
              </>
            ) : null}
            {narrowing(v)}
          </>
        }
        actions={
          <Link className="button button-primary" to={`/voice/new?kind=${kind}`}>
            New {info.label}
          </Link>
        }
      />
      <div>
        <Tabs items={kindTabs} label="Kind of item" />
      </div>
      <form
        className="filters"
        role="search"
        aria-label={`Filter ${info.plural.toLowerCase()}`}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor="fb-q">Search</label>
          <input
            id="fb-q"
            type="search"
            placeholder="Words in the title or text"
            value={v.q}
            onChange={(e) => filters.set('q', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="fb-f-team">Team</label>
          <input
            id="fb-f-team"
            placeholder="team name"
            value={v.team}
            onChange={(e) => filters.set('team', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="fb-f-capability">Capability</label>
          <input
            id="fb-f-capability"
            placeholder="capability name"
            value={v.capability}
            onChange={(e) => filters.set('capability', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="fb-f-status">Status</label>
          <select id="fb-f-status" value={status ?? ''} onChange={(e) => filters.set('status', e.target.value)}>
            <option value="">Any</option>
            <option value={UNRESOLVED}>not closed yet</option>
            {info.statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fb-f-from">Opened from</label>
          <input
            id="fb-f-from"
            {...DATE_INPUT_PROPS}
            value={v.from}
            onChange={(e) => filters.set('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="fb-f-to">Opened before</label>
          <input id="fb-f-to" {...DATE_INPUT_PROPS} value={v.to} onChange={(e) => filters.set('to', e.target.value)} />
        </div>
        {filters.active ? (
          <button type="button" className="button button-ghost" onClick={filters.clear}>
            Clear filters
          </button>
        ) : null}
      </form>
      {list.isPending ? (
        <Loading variant="table" count={6} label={`Loading ${info.plural.toLowerCase()}`} />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what={info.plural.toLowerCase()} />
      ) : list.items.length === 0 ? (
        filters.active ? (
          <EmptyState
            title={`No ${info.plural.toLowerCase()} match these filters`}
            action={
              <button type="button" className="button" onClick={filters.clear}>
                Clear filters
              </button>
            }
          />
        ) : (
          <EmptyState
            title={`No ${info.plural.toLowerCase()} yet`}
            action={
              <Link className="button" to={`/voice/new?kind=${kind}`}>
                Give feedback
              </Link>
            }
          >
            They come from the Give feedback form, the API, CSV imports and issues on capabilities’ repositories.
          </EmptyState>
        )
      ) : (
        <>
          <ItemTable kind={kind} items={list.items} caption={info.plural} />
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
