import { useEffect } from 'react';

export interface PagedEntities {
  items: { ref: string; name: string; title?: string | null }[];
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Loads a paged list's pages one after another, so a select can offer every entity. */
export function useAllPages(list: PagedEntities): void {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
}

/** One option per entity, by name, with its title when it has one. */
export function EntityOptions({ list }: { list: PagedEntities }) {
  return (
    <>
      {list.items.map((e) => (
        <option key={e.ref} value={e.name}>
          {e.title && e.title !== e.name ? `${e.title} (${e.name})` : e.name}
        </option>
      ))}
    </>
  );
}

/** A filter over every entity of a paged list; '' is "all". A name the list lacks stays, marked unknown. */
export function EntitySelect(p: {
  id: string;
  label: string;
  all: string;
  list: PagedEntities;
  value: string;
  onChange: (v: string) => void;
}) {
  useAllPages(p.list);
  const known = p.list.isPending || p.list.hasNextPage || p.list.items.some((e) => e.name === p.value);
  return (
    <div className="field voice-entity-field">
      <label htmlFor={p.id}>{p.label}</label>
      <select id={p.id} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        <option value="">{p.list.isPending ? 'Loading…' : p.all}</option>
        {p.value && !known ? <option value={p.value}>{p.value} (unknown)</option> : null}
        <EntityOptions list={p.list} />
      </select>
    </div>
  );
}
