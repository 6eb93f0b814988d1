import { useEffect, useState } from 'react';
import { Segmented } from '../../../components/Segmented.js';
import { DATE_INPUT_PROPS, isIsoDay } from '../../../lib/format.js';
import { DEFAULT_RANGE, periodLabel, quarterChoices, RANGES, type Range } from '../../../lib/delivery-scope.js';
import type { ReactNode } from 'react';
import type { VoicePeriod } from './use-voice-period.js';

/**
 * A period kept in the address (quick choice, quarter or dates), with the page's own filters as `children`: the voice
 * service dashboard and the shipping summary.
 */
export function PeriodPicker({
  state,
  label = 'Period',
  children,
}: {
  state: Pick<VoicePeriod, 'period' | 'update'>;
  label?: string;
  children?: ReactNode;
}) {
  const { period, update } = state;
  const [from, setFrom] = useState(period.firstDay);
  const [to, setTo] = useState(period.lastDay);
  useEffect(() => {
    setFrom(period.firstDay);
    setTo(period.lastDay);
  }, [period.firstDay, period.lastDay]);
  const chooseDates = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (isIsoDay(nextFrom) && isIsoDay(nextTo) && nextFrom <= nextTo)
      update({ from: nextFrom, to: nextTo, range: null, quarter: null });
  };

  return (
    <form className="filters scope-picker voice-picker" aria-label={label} onSubmit={(e) => e.preventDefault()}>
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
      {children}
      <p className="muted small scope-period" data-testid="period-label">
        {periodLabel(period)} · {period.days} days, UTC
      </p>
    </form>
  );
}
