import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartProps, Series } from './Chart.js';
import { PALETTE } from './chart-palette.js';

const axis = { stroke: 'var(--text-muted)', fontSize: 12, tickLine: false } as const;
const tooltipStyle = { borderRadius: 8, border: '1px solid var(--border)', background: 'var(--surface)', color: 'var(--text)', fontSize: 13 };

/** The recharts drawing behind Chart; loaded on demand so pages without charts do not pay for recharts. */
export default function ChartDrawing({ kind, data, x, series, colorOf, formatX = String, formatValue = String }: ChartProps) {
  const color = (s: Series, i: number) => s.color ?? PALETTE[i % PALETTE.length] ?? '#4f46e5';
  const cellColor = (d: ChartProps['data'][number], i: number) => colorOf?.(d, i) ?? PALETTE[i % PALETTE.length] ?? '#4f46e5';
  const valueFormatter = (v: unknown) => formatValue(Number(v));

  let drawing;
  if (kind === 'pie') {
    const s = series[0];
    drawing = (
      <PieChart>
        {s ? (
          <Pie data={data} dataKey={s.key} nameKey={x} innerRadius="55%" outerRadius="85%" paddingAngle={2} isAnimationActive={false}>
            {data.map((d, i) => (
              <Cell key={String(d[x])} fill={cellColor(d, i)} />
            ))}
          </Pie>
        ) : null}
        <Tooltip contentStyle={tooltipStyle} formatter={valueFormatter} />
        <Legend formatter={(v) => formatX(String(v))} />
      </PieChart>
    );
  } else {
    const Chart = kind === 'line' ? LineChart : BarChart;
    drawing = (
      <Chart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey={x} {...axis} tickFormatter={formatX} />
        <YAxis {...axis} allowDecimals={false} width={40} tickFormatter={valueFormatter} />
        <Tooltip contentStyle={tooltipStyle} formatter={valueFormatter} labelFormatter={(l) => formatX(String(l))} cursor={{ fill: 'var(--surface-muted)' }} />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s, i) =>
          kind === 'line' ? (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={color(s, i)} strokeWidth={2} dot={false} isAnimationActive={false} />
          ) : (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={color(s, i)} radius={[4, 4, 0, 0]} maxBarSize={56} isAnimationActive={false}>
              {series.length === 1 && colorOf ? data.map((d, j) => <Cell key={String(d[x])} fill={cellColor(d, j)} />) : null}
            </Bar>
          ),
        )}
      </Chart>
    );
  }

  return (
    <ResponsiveContainer width="100%" height="100%">
      {drawing}
    </ResponsiveContainer>
  );
}
