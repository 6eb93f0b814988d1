import { Link, useSearchParams } from 'react-router-dom';
import type { SearchResult } from '../api/types.js';
import { Badge, StatusBadge } from '../components/Badge.js';
import { Card } from '../components/Card.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { Loading } from '../components/Loading.js';
import { PageHeader } from '../components/PageHeader.js';
import { useSearch } from '../hooks/queries/use-search.js';
import { parseRef, pathOfRef, shortRef } from '../lib/refs.js';

const ORDER = ['capability', 'service', 'team', 'user', 'system', 'api', 'resource', 'domain'];
const HEADING: Record<string, string> = {
  capability: 'Capabilities',
  service: 'Services',
  team: 'Teams',
  user: 'People',
  system: 'Systems',
  api: 'APIs',
  resource: 'Resources',
  domain: 'Domains',
};
/** What a result's `partOf` is: a System is part of a domain, an API or a Resource of a system. */
const PART_OF: Record<string, string> = { system: 'domain', api: 'system', resource: 'system', service: 'system' };

function group(items: SearchResult[]): [string, SearchResult[]][] {
  const groups = new Map<string, SearchResult[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

function Result({ item }: { item: SearchResult }) {
  const own = pathOfRef(item.ref, item.kind);
  // Kinds without a page of their own (systems, APIs, domains, resources) open their owning team's.
  const ownerPath = item.owner ? pathOfRef(item.owner.ref) : null;
  const path = own ?? ownerPath;
  const label = item.title || item.name;
  const { namespace } = parseRef(item.ref);
  const partOf = item.partOf && PART_OF[item.kind] ? `${PART_OF[item.kind]} ${shortRef(item.partOf)}` : null;
  return (
    <li className="result">
      <div className="row row-tight">
        {path ? (
          <Link to={path} title={own ? undefined : `No page of its own: opens its owner, ${item.owner?.name ?? ''}`}>
            {label}
          </Link>
        ) : (
          <span className="result-name">{label}</span>
        )}
        <StatusBadge status={item.status} />
        {item.title ? (
          <span className="mono muted small">{namespace === 'default' ? item.name : `${namespace}/${item.name}`}</span>
        ) : null}
      </div>
      {!own && (item.owner || partOf) ? (
        <p className="muted small" data-cell="context">
          {item.owner ? (
            <>
              owned by{' '}
              {ownerPath ? (
                <Link to={ownerPath}>{item.owner.title || item.owner.name}</Link>
              ) : (
                item.owner.title || item.owner.name
              )}
            </>
          ) : null}
          {item.owner && partOf ? ' · ' : null}
          {partOf ? <>part of {partOf}</> : null}
        </p>
      ) : null}
      {item.description ? <p className="muted small clamp-2">{item.description}</p> : null}
    </li>
  );
}

/** Results for the header's search box, grouped by what they are. */
export function SearchPage() {
  const q = (useSearchParams()[0].get('q') ?? '').trim();
  const search = useSearch(q);

  return (
    <div className="page page-narrow">
      <PageHeader
        title={q ? <>Results for “{q}”</> : 'Search'}
        subtitle={
          search.data ? `${search.data.items.length} match${search.data.items.length === 1 ? '' : 'es'}` : undefined
        }
      />
      {!q ? (
        <EmptyState title="Search the catalog">
          <p>
            Type in the search box above to find teams, services, capabilities, people, systems, APIs, resources and
            domains.
          </p>
        </EmptyState>
      ) : search.isPending ? (
        <Loading count={4} label="Searching" />
      ) : search.error ? (
        <ErrorState error={search.error} retry={() => void search.refetch()} what="search results" />
      ) : search.data.items.length === 0 ? (
        <EmptyState title={`Nothing matches “${q}”`}>
          <p>Try a shorter word, a team or service name, or browse the lists.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          {group(search.data.items).map(([kind, items]) => (
            <Card
              key={kind}
              title={
                <>
                  {HEADING[kind] ?? kind} <Badge>{items.length}</Badge>
                </>
              }
            >
              <ul className="results" aria-label={HEADING[kind] ?? kind}>
                {items.map((item) => (
                  <Result key={item.ref} item={item} />
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
