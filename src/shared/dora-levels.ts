/** The DORA performance levels, best first. */
export const DORA_LEVELS = ['elite', 'high', 'medium', 'low'] as const;
export type DoraLevel = (typeof DORA_LEVELS)[number];

// How many of a measure's base unit each word stands for: a frequency is counted per day, a time in hours.
const DAYS = { day: 1, week: 7, month: 30 } as const;
const HOURS = { hour: 1, day: 24, week: 7 * 24 } as const;

type Bounds<Unit> = readonly [
  elite: readonly [number, Unit],
  high: readonly [number, Unit],
  medium: readonly [number, Unit],
];

/** A metric's bounds for elite, high and medium as a person states them, and how a value compares to them; past medium is low. */
type Threshold =
  | { measure: 'per day'; compare: '≥'; bounds: Bounds<keyof typeof DAYS> }
  | { measure: 'hours'; compare: '<'; bounds: Bounds<keyof typeof HOURS> }
  | { measure: 'ratio'; compare: '≤'; bounds: Bounds<'%'> };

/** The DORA cluster thresholds from DOMAIN.md. */
export const DORA_THRESHOLDS = {
  deploymentFrequency: {
    measure: 'per day',
    compare: '≥',
    bounds: [
      [1, 'day'],
      [1, 'week'],
      [1, 'month'],
    ],
  },
  changeLeadTime: {
    measure: 'hours',
    compare: '<',
    bounds: [
      [1, 'day'],
      [1, 'week'],
      [30, 'day'],
    ],
  },
  changeFailRate: {
    measure: 'ratio',
    compare: '≤',
    bounds: [
      [5, '%'],
      [10, '%'],
      [15, '%'],
    ],
  },
  recoveryTime: {
    measure: 'hours',
    compare: '<',
    bounds: [
      [1, 'hour'],
      [1, 'day'],
      [1, 'week'],
    ],
  },
} as const satisfies Record<string, Threshold>;

export type LeveledMetric = keyof typeof DORA_THRESHOLDS;

/** A bound in the measure's base unit: "1 a week" is 1/7 a day, "30 days" 720 hours, "5 %" 0.05. */
function boundValue(t: Threshold, i: 0 | 1 | 2): number {
  switch (t.measure) {
    case 'per day': {
      const [n, unit] = t.bounds[i];
      return n / DAYS[unit];
    }
    case 'hours': {
      const [n, unit] = t.bounds[i];
      return n * HOURS[unit];
    }
    case 'ratio':
      return t.bounds[i][0] / 100;
  }
}

function boundText(t: Threshold, i: 0 | 1 | 2): string {
  switch (t.measure) {
    case 'per day': {
      const [n, unit] = t.bounds[i];
      return `${n} a ${unit}`;
    }
    case 'hours': {
      const [n, unit] = t.bounds[i];
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
    case 'ratio':
      return `${t.bounds[i][0]} %`;
  }
}

const BOUNDS = [0, 1, 2] as const;

const meets = (compare: Threshold['compare'], value: number, bound: number) =>
  compare === '≥' ? value >= bound : compare === '<' ? value < bound : value <= bound;

/** The level of a metric's value (per day, hours or a ratio, as the metric counts); null when nothing was measured. */
export function doraLevel(metric: LeveledMetric, value: number): DoraLevel;
export function doraLevel(metric: LeveledMetric, value: number | null): DoraLevel | null;
export function doraLevel(metric: LeveledMetric, value: number | null): DoraLevel | null {
  if (value === null) return null;
  const t: Threshold = DORA_THRESHOLDS[metric];
  for (const i of BOUNDS) if (meets(t.compare, value, boundValue(t, i))) return DORA_LEVELS[i];
  return 'low';
}

/** A metric's thresholds as a person reads them: "elite ≥ 1 a day, high ≥ 1 a week, medium ≥ 1 a month, else low". */
export function doraLevelRule(metric: LeveledMetric): string {
  const t: Threshold = DORA_THRESHOLDS[metric];
  return `${BOUNDS.map((i) => `${DORA_LEVELS[i]} ${t.compare} ${boundText(t, i)}`).join(', ')}, else low`;
}
