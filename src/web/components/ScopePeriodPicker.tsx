import { useEffect, useState, type FormEvent } from 'react';
import { useServices } from '../hooks/queries/use-services.js';
import { useTeams } from '../hooks/queries/use-teams.js';
import { useDebounced } from '../hooks/use-debounced.js';
import type { ScopePeriod } from '../hooks/use-scope-period.js';
import { DATE_INPUT_PROPS, isIsoDay } from '../lib/format.js';
import { DEFAULT_RANGE, periodLabel, quarterChoices, RANGES, type Range } from '../lib/delivery-scope.js';
import { Segmented } from './Segmented.js';

type Kind = 'org' | 'team' | 'service';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'org', label: 'Organisation' },
  { value: 'team', label: 'Team' },
  { value: 'service', label: 'Service' },
];
const qualified = (e: { name: string; namespace: string }) =>
  e.namespace === 'default' ? e.name : `${e.namespace}/${e.name}`;

/** Every team of the catalog, in a select: choosing one shows it at once. A name the catalog lacks stays, marked unknown. */
function TeamSelect({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const teams = useTeams({});
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = teams;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const names = teams.items.map(qualified);
  const loading = teams.isPending || hasNextPage;
  return (
    <select id="scope-name" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" disabled>
        {loading ? 'Loading teams…' : teams.items.length === 0 ? 'No team in the catalog' : 'Choose a team'}
      </option>
      {value && !loading && !names.includes(value) ? <option value={value}>{value} (unknown)</option> : null}
      {teams.items.map((t) => (
        <option key={t.ref} value={qualified(t)}>
          {t.title && t.title !== t.name ? `${t.title} (${qualified(t)})` : qualified(t)}
        </option>
      ))}
    </select>
  );
}

function ServiceOptions({ id, q }: { id: string; q: string }) {
  const services = useServices({ q: q || undefined }).items;
  return (
    <datalist id={id}>
      {services.map((s) => (
        <option key={s.ref} value={qualified(s)}>
          {s.title ?? s.name}
        </option>
      ))}
    </datalist>
  );
}

/** The scope (organisation, a team, a service) and the period of the delivery and incidents pages, kept in the address. */
export function ScopePeriodPicker({ state }: { state: ScopePeriod }) {
  const { scope, period, update } = state;
  const [kind, setKind] = useState<Kind>(scope.kind);
  const [name, setName] = useState(scope.kind === 'org' ? '' : scope.name);
  const [from, setFrom] = useState(period.firstDay);
  const [to, setTo] = useState(period.lastDay);
  const q = useDebounced(name);
  useEffect(() => {
    setKind(scope.kind);
    setName(scope.kind === 'org' ? '' : scope.name);
  }, [scope]);
  useEffect(() => {
    setFrom(period.firstDay);
    setTo(period.lastDay);
  }, [period.firstDay, period.lastDay]);

  const chooseKind = (k: Kind) => {
    setKind(k);
    setName('');
    if (k === 'org') update({ scope: null });
  };
  const applyName = (event: FormEvent) => {
    event.preventDefault();
    const value = name.trim();
    if (kind === 'service' && value) update({ scope: `service:${value}` });
  };
  const chooseDates = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (isIsoDay(nextFrom) && isIsoDay(nextTo) && nextFrom <= nextTo)
      update({ from: nextFrom, to: nextTo, range: null, quarter: null });
  };
  const listId = `scope-options-${kind}`;

  return (
    <form className="filters scope-picker" aria-label="Scope and period" onSubmit={applyName}>
      <div className="field scope-choice">
        <span className="field-label">Scope</span>
        <Segmented label="Scope" value={kind} onChange={chooseKind} options={KINDS} />
      </div>
      {kind !== 'org' ? (
        <div className="field field-grow scope-name">
          <label htmlFor="scope-name">{kind === 'team' ? 'Team' : 'Service'}</label>
          {kind === 'team' ? (
            <TeamSelect
              value={name}
              onChange={(value) => {
                setName(value);
                update({ scope: `team:${value}` });
              }}
            />
          ) : (
            <>
              <div className="row">
                <input
                  id="scope-name"
                  list={listId}
                  value={name}
                  placeholder="service name"
                  autoComplete="off"
                  onChange={(e) => setName(e.target.value)}
                />
                <button type="submit" className="button" disabled={!name.trim()}>
                  Show
                </button>
              </div>
              <ServiceOptions id={listId} q={q} />
            </>
          )}
        </div>
      ) : null}
      <div className="field scope-choice">
        <span className="field-label">Period</span>
        <Segmented<Range | 'custom'>
          label="Period"
          value={period.range ?? 'custom'}
          onChange={(r) =>
            r === 'custom'
              ? undefined
              : update({ range: r === DEFAULT_RANGE ? null : r, from: null, to: null, quarter: null })
          }
          options={[
            ...RANGES.map((r) => ({ value: r.value, label: r.label })),
            ...(period.range ? [] : [{ value: 'custom' as const, label: period.quarter ? 'Quarter' : 'Dates' }]),
          ]}
        />
      </div>
      <div className="field scope-quarter">
        <label htmlFor="period-quarter">Quarter</label>
        <select
          id="period-quarter"
          value={period.quarter ?? ''}
          onChange={(e) => update({ quarter: e.target.value || null, range: null, from: null, to: null })}
        >
          <option value="">—</option>
          {quarterChoices().map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field scope-date">
        <label htmlFor="period-from">From</label>
        <input id="period-from" {...DATE_INPUT_PROPS} value={from} onChange={(e) => chooseDates(e.target.value, to)} />
      </div>
      <div className="field scope-date">
        <label htmlFor="period-to">To (included)</label>
        <input id="period-to" {...DATE_INPUT_PROPS} value={to} onChange={(e) => chooseDates(from, e.target.value)} />
      </div>
      <p className="muted small scope-period" data-testid="period-label">
        {periodLabel(period)} · {period.days} days, UTC
      </p>
    </form>
  );
}
