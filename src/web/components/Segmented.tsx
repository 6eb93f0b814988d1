import type { Interval } from '../api/types.js';

/** A small group of mutually exclusive toggle buttons (e.g. week | month); the pressed one is announced. */
export function Segmented<T extends string | number>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          className="segmented-option"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

const INTERVALS = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
] as const satisfies { value: Interval; label: string }[];

/** Week | month, for charts over calendar periods. */
export function IntervalToggle({ value, onChange }: { value: Interval; onChange: (value: Interval) => void }) {
  return <Segmented label="Interval" value={value} onChange={onChange} options={[...INTERVALS]} />;
}
