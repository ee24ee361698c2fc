import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { today } from '../../format';

/** A reporting period as local dates (YYYY-MM-DD), both days included. */
export interface Period {
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';
const todayAsDay = () => dayjs(today());

/** From the first of January to today, Vietnam time. */
export function thisYear(): Period {
  const day = todayAsDay();
  return { from: day.startOf('year').format(DAY), to: day.format(DAY) };
}

const asText = (day: string) => dayjs(day).format('DD/MM/YYYY');
export const periodText = (period: Period) => `${asText(period.from)} – ${asText(period.to)}`;

function presets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const day = todayAsDay();
  const lastYear = day.subtract(1, 'year');
  return [
    { label: 'Tháng này', value: [day.startOf('month'), day] },
    { label: 'Quý này', value: [day.month(Math.floor(day.month() / 3) * 3).startOf('month'), day] },
    { label: 'Năm nay', value: [day.startOf('year'), day] },
    { label: 'Năm trước', value: [lastYear.startOf('year'), lastYear.endOf('year').startOf('day')] },
  ];
}

export function PeriodPicker({ id, value, onChange }: { id: string; value: Period; onChange: (period: Period) => void }) {
  return (
    <DatePicker.RangePicker
      id={id}
      format="DD/MM/YYYY"
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      presets={presets()}
      disabledDate={(date) => date.isAfter(todayAsDay(), 'day')}
      onChange={(dates) => {
        if (dates?.[0] && dates[1]) onChange({ from: dates[0].format(DAY), to: dates[1].format(DAY) });
      }}
    />
  );
}
