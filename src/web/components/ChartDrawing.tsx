import {
  Area,
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartProps, Series } from './chart-types.js';
import { PALETTE } from './chart-palette.js';

const axis = { stroke: 'var(--text-muted)', fontSize: 12, tickLine: false } as const;
const tooltipStyle = {
  borderRadius: 8,
  border: '1px solid var(--border)',
  background: 'var(--surface)',
  color: 'var(--text)',
  fontSize: 13,
};
const legendStyle = { fontSize: 13, paddingTop: 4 };

const CURVE = { smooth: 'monotone', linear: 'linear', step: 'stepAfter' } as const;

/** The recharts drawing behind Chart; loaded on demand so pages without charts do not pay for recharts. */
export default function ChartDrawing({
  kind,
  data,
  x,
  series,
  stacked = false,
  curve = 'smooth',
  colorOf,
  formatX = String,
  formatValue = String,
}: ChartProps) {
  const color = (s: Series, i: number) => s.color ?? PALETTE[i % PALETTE.length] ?? '#4f46e5';
  const cellColor = (d: ChartProps['data'][number], i: number) =>
    colorOf?.(d, i) ?? PALETTE[i % PALETTE.length] ?? '#4f46e5';
  const valueFormatter = (v: unknown) => formatValue(Number(v));
  const stackId = stacked ? 'stack' : undefined;
  const filled = series.filter((s) => s.as !== 'line');
  const topOfStack = filled[filled.length - 1]?.key;

  if (kind === 'pie') {
    const s = series[0];
    return (
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          {s ? (
            <Pie
              data={data}
              dataKey={s.key}
              nameKey={x}
              innerRadius="55%"
              outerRadius="85%"
              paddingAngle={2}
              isAnimationActive={false}
            >
              {data.map((d, i) => (
                <Cell key={String(d[x])} fill={cellColor(d, i)} />
              ))}
            </Pie>
          ) : null}
          <Tooltip contentStyle={tooltipStyle} formatter={valueFormatter} />
          <Legend formatter={(v) => formatX(String(v))} wrapperStyle={legendStyle} />
        </PieChart>
      </ResponsiveContainer>
    );
  }

  // Bars, lines and areas share one composed chart, so an area chart can carry a line (e.g. a ceiling).
  const draw = (s: Series, i: number) => {
    const stroke = color(s, i);
    const dash = s.dashed ? '5 4' : undefined;
    if (kind === 'line' || s.as === 'line') {
      return (
        <Line
          key={s.key}
          type={CURVE[curve]}
          dataKey={s.key}
          name={s.label}
          stroke={stroke}
          strokeWidth={2}
          strokeDasharray={dash}
          dot={false}
          isAnimationActive={false}
        />
      );
    }
    if (kind === 'area') {
      return (
        <Area
          key={s.key}
          type={CURVE[curve]}
          dataKey={s.key}
          name={s.label}
          stackId={stackId}
          stroke={stroke}
          strokeWidth={1.5}
          fill={stroke}
          fillOpacity={0.28}
          isAnimationActive={false}
        />
      );
    }
    const radius: [number, number, number, number] = !stacked || s.key === topOfStack ? [4, 4, 0, 0] : [0, 0, 0, 0];
    return (
      <Bar
        key={s.key}
        dataKey={s.key}
        name={s.label}
        stackId={stackId}
        fill={stroke}
        radius={radius}
        maxBarSize={56}
        isAnimationActive={false}
      >
        {series.length === 1 && colorOf ? data.map((d, j) => <Cell key={String(d[x])} fill={cellColor(d, j)} />) : null}
      </Bar>
    );
  };

  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey={x} {...axis} tickFormatter={formatX} minTickGap={16} />
        <YAxis {...axis} allowDecimals={false} width={40} tickFormatter={valueFormatter} />
        <Tooltip
          contentStyle={tooltipStyle}
          formatter={valueFormatter}
          labelFormatter={(l) => formatX(String(l))}
          cursor={kind === 'bar' ? { fill: 'var(--surface-muted)' } : { stroke: 'var(--border-strong)' }}
        />
        {series.length > 1 ? (
          <Legend wrapperStyle={legendStyle} itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
        ) : null}
        {series.map(draw)}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
