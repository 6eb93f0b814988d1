/** Survey figures as the pages write them: NPS signed (+14.3), shares as percentages, changes with their sign. */
export const formatNps = (value: number | null) => (value === null ? '—' : value > 0 ? `+${value}` : String(value));

export const formatPercent = (value: number | null) => (value === null ? '—' : `${value} %`);

/** A fraction 0-1 as a whole or one-decimal percentage. */
export const formatRate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10} %`);

export const formatChange = (value: number | null, unit = '') =>
  value === null
    ? 'no earlier wave to compare'
    : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value)}${unit} since the previous wave`;
