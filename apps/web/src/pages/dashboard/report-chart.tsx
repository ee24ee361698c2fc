import { Empty } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count, type Line } from './report-table';

/** The outcome of every dossier handled in the period, one stacked bar per row. */
const SERIES = [
  { key: 'onTimeOrEarly', name: 'Giải quyết đúng hạn', color: '#389e0d' },
  { key: 'late', name: 'Giải quyết quá hạn', color: '#fa8c16' },
  { key: 'withinDeadline', name: 'Đang giải quyết trong hạn', color: '#1677ff' },
  { key: 'overdue', name: 'Đang giải quyết quá hạn', color: '#cf1322' },
] as const;

/** Legend and tooltip keep the order of SERIES (recharts sorts them by name otherwise). */
const seriesOrder = (item: { dataKey?: unknown }) => SERIES.findIndex((series) => series.key === item.dataKey);

const shortened = (label: string) => (label.length > 40 ? `${label.slice(0, 38)}…` : label);

export function ReportChart({ rows, labelOf }: { rows: Line[]; labelOf: (line: Line) => string }) {
  if (rows.length === 0) return <Empty description="Không có hồ sơ nào trong kỳ báo cáo" />;
  const data = rows.map((line) => ({
    label: labelOf(line),
    onTimeOrEarly: line.early + line.onTime,
    late: line.late,
    withinDeadline: line.withinDeadline,
    overdue: line.overdue,
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 36 + 80)}>
      <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={count} />
        <YAxis type="category" dataKey="label" width={260} tickFormatter={shortened} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => count(Number(value))} itemSorter={seriesOrder} />
        <Legend itemSorter={seriesOrder} />
        {SERIES.map((series) => (
          <Bar key={series.key} dataKey={series.key} name={series.name} stackId="outcome" fill={series.color} maxBarSize={24} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
