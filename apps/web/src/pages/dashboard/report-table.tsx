import { Button, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Schemas } from '../../api/client';
import type { operations } from '../../api/schema';
import { GROUPING_LABEL, type Grouping, opensUnits, unplacedLabel } from './places';

export type Line = Schemas['ReportLineDto'];
export type Bucket = operations['ReportsController_dossiers']['parameters']['query']['bucket'];
type Count = { [K in keyof Line]: Line[K] extends number ? K : never }[keyof Line];

/** One column of the statistics form, and the API bucket that lists the dossiers behind it. */
interface Figure {
  field: Count;
  bucket?: Bucket;
  header: string;
  /** The column's full name, as the XLSX heads it. */
  name: string;
}

/** The columns of Biểu II.06a, under its three headings. */
const FIGURE_GROUPS: { title: string; figures: Figure[] }[] = [
  {
    title: 'Số hồ sơ nhận giải quyết',
    figures: [
      { field: 'received', header: 'Tổng số', name: 'Tổng số hồ sơ tiếp nhận' },
      { field: 'carriedOver', bucket: 'carried_over', header: 'Kỳ trước chuyển sang', name: 'Kỳ trước chuyển sang' },
      { field: 'newOnline', bucket: 'new_online', header: 'Mới tiếp nhận trực tuyến', name: 'Mới tiếp nhận trực tuyến' },
      { field: 'newInPerson', bucket: 'new_in_person', header: 'Mới tiếp nhận trực tiếp, bưu chính', name: 'Mới tiếp nhận trực tiếp, bưu chính' },
    ],
  },
  {
    title: 'Số hồ sơ đã giải quyết',
    figures: [
      { field: 'resolved', bucket: 'resolved', header: 'Tổng số', name: 'Đã giải quyết' },
      { field: 'early', bucket: 'early', header: 'Trước hạn', name: 'Trước hạn' },
      { field: 'onTime', bucket: 'on_time', header: 'Đúng hạn', name: 'Đúng hạn' },
      { field: 'late', bucket: 'late', header: 'Quá hạn', name: 'Quá hạn (đã giải quyết)' },
    ],
  },
  {
    title: 'Số hồ sơ đang giải quyết',
    figures: [
      { field: 'inProgress', bucket: 'in_progress', header: 'Tổng số', name: 'Đang giải quyết' },
      { field: 'withinDeadline', bucket: 'within_deadline', header: 'Trong hạn', name: 'Trong hạn' },
      { field: 'overdue', bucket: 'overdue', header: 'Quá hạn', name: 'Quá hạn (đang giải quyết)' },
    ],
  },
];

const RATES: { field: 'onTimeRate' | 'progressRate' | 'onlineShare'; header: string; hint: string }[] = [
  { field: 'onTimeRate', header: 'Tỷ lệ đúng hạn (%)', hint: '(Trước hạn + đúng hạn) / đã giải quyết' },
  { field: 'progressRate', header: 'Chỉ số tiến độ (%)', hint: '(Giải quyết trước hạn, đúng hạn + đang giải quyết trong hạn) / tổng số hồ sơ đã và đang giải quyết (Quyết định 766/QĐ-TTg)' },
  { field: 'onlineShare', header: 'Tỷ lệ trực tuyến (%)', hint: 'Mới tiếp nhận trực tuyến / mới tiếp nhận' },
];

/** 0.6667 → "66,67"; no rate without dossiers to divide by. */
export const percent = (rate: number | null): string => (rate === null ? '–' : (rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

export const count = (value: number): string => value.toLocaleString('vi-VN');

/** The figure a supervisor clicked: a column of one row, or of the totals (no key). */
export interface ClickedFigure {
  bucket: Bucket;
  name: string;
  rowLabel: string;
  key?: string;
}

/** What a row is called: its group's name, or what the API could not place under a group. */
export const lineLabel = (line: Line, grouping: Grouping): string => line.label ?? line.key ?? unplacedLabel(grouping);

interface Row extends Line {
  rowKey: string;
  isTotal: boolean;
}

interface ReportTableProps {
  rows: Line[];
  totals: Line | undefined;
  grouping: Grouping;
  loading: boolean;
  onOpenUnit(line: Line): void;
  onFigure(figure: ClickedFigure): void;
}

/** The report, one row per group and the totals last; a unit's name opens it, a figure lists its dossiers. */
export function ReportTable({ rows, totals, grouping, loading, onOpenUnit, onFigure }: ReportTableProps) {
  const labelOf = (row: Row) => (row.isTotal ? 'Tổng cộng' : lineLabel(row, grouping));
  const opens = (row: Row) => opensUnits(grouping) && !row.isTotal && row.key !== null;

  const figureColumn = (figure: Figure) => ({
    key: figure.field,
    title: figure.header,
    dataIndex: figure.field,
    align: 'right' as const,
    width: 110,
    render: (value: number, row: Row) => {
      // The unplaced row has no key the API can list by.
      if (!figure.bucket || value === 0 || (!row.isTotal && row.key === null)) return count(value);
      const bucket = figure.bucket;
      const rowLabel = labelOf(row);
      return (
        <Tooltip title="Xem danh sách hồ sơ">
          <Button
            type="link"
            size="small"
            aria-label={`${figure.name}, ${rowLabel}`}
            onClick={(event) => {
              event.stopPropagation();
              onFigure({ bucket, name: figure.name, rowLabel, key: row.isTotal ? undefined : (row.key ?? undefined) });
            }}
          >
            {count(value)}
          </Button>
        </Tooltip>
      );
    },
  });

  const columns: ColumnsType<Row> = [
    {
      key: 'label',
      title: GROUPING_LABEL[grouping],
      fixed: 'start',
      width: 260,
      render: (_, row) =>
        opens(row) ? (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={(event) => {
              event.stopPropagation();
              onOpenUnit(row);
            }}
          >
            {labelOf(row)}
          </Button>
        ) : (
          <Typography.Text strong={row.isTotal}>{labelOf(row)}</Typography.Text>
        ),
    },
    ...FIGURE_GROUPS.map((group) => ({ key: group.title, title: group.title, children: group.figures.map(figureColumn) })),
    ...RATES.map((rate) => ({
      key: rate.field,
      title: <Tooltip title={rate.hint}>{rate.header}</Tooltip>,
      dataIndex: rate.field,
      align: 'right' as const,
      width: 110,
      render: (value: number | null) => percent(value),
    })),
  ];

  const data: Row[] = [
    ...rows.map((line) => ({ ...line, rowKey: line.key ?? '(none)', isTotal: false })),
    // Without rows the empty state says more than a line of zeros.
    ...(totals && rows.length > 0 ? [{ ...totals, rowKey: '(totals)', isTotal: true }] : []),
  ];

  return (
    <Table<Row>
      rowKey="rowKey"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={data}
      pagination={false}
      scroll={{ x: 1800 }}
      locale={{ emptyText: 'Không có hồ sơ nào trong kỳ báo cáo' }}
      onRow={(row) => ({
        onClick: opens(row) ? () => onOpenUnit(row) : undefined,
        style: { cursor: opens(row) ? 'pointer' : undefined, fontWeight: row.isTotal ? 600 : undefined, background: row.isTotal ? '#fafafa' : undefined },
      })}
    />
  );
}
