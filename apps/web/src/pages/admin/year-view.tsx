import { Calendar, Col, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import type { Schemas } from '../../api/client';

/** Not antd's own cell class: the calendar's selected day (the 1st, its value) would be highlighted. */
const CELL: CSSProperties = { display: 'inline-block', minWidth: 24, height: 24, lineHeight: '24px', borderRadius: 4 };

const STYLE = {
  dayOff: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  weekend: { color: '#8c8c8c' },
  makeUp: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
} satisfies Record<string, CSSProperties>;

interface Mark {
  style: CSSProperties;
  label: string;
}

/** Twelve small month calendars: days off in red, weekends in grey, make-up working days in blue. */
export function YearView({ calendar }: { calendar: Schemas['CalendarYearDto'] }) {
  const marks = new Map<string, Mark>();
  for (const day of calendar.nonWorkingDays) marks.set(day.date, { style: day.kind === 'weekend' ? STYLE.weekend : STYLE.dayOff, label: day.label });
  for (const day of calendar.makeUpWorkingDays) marks.set(day.date, { style: STYLE.makeUp, label: day.label });
  const months = Array.from({ length: 12 }, (_, month) => dayjs(`${calendar.year}-01-01`).month(month));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag style={STYLE.dayOff}>Ngày nghỉ lễ, Tết, nghỉ bù</Tag>
        <Tag style={STYLE.makeUp}>Ngày làm việc bù</Tag>
        <Tag style={STYLE.weekend}>Cuối tuần</Tag>
      </Space>
      <Row gutter={[16, 16]}>
        {months.map((month) => (
          <Col key={month.month()} xs={24} sm={12} lg={8} xxl={6}>
            <MonthView month={month} marks={marks} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function MonthView({ month, marks }: { month: Dayjs; marks: Map<string, Mark> }) {
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }} aria-label={`Tháng ${month.month() + 1}`}>
      <Calendar
        fullscreen={false}
        value={month}
        headerRender={() => (
          <Typography.Text strong style={{ display: 'block', textAlign: 'center', padding: 4 }}>
            Tháng {month.month() + 1}
          </Typography.Text>
        )}
        fullCellRender={(date: Dayjs) => {
          if (!date.isSame(month, 'month')) return <div style={CELL}>{date.date()}</div>;
          const mark = marks.get(date.format('YYYY-MM-DD'));
          return (
            <div style={{ ...CELL, ...mark?.style }} title={mark ? `${date.format('DD/MM/YYYY')}: ${mark.label}` : undefined}>
              {date.date()}
            </div>
          );
        }}
      />
    </div>
  );
}
