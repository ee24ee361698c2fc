import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';
import type { Schemas } from './api/client';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('vi');

/** Every date and time the user reads is Vietnam's, whatever the browser's own zone. */
export const ZONE = 'Asia/Ho_Chi_Minh';

export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).tz(ZONE).format('DD/MM/YYYY') : '');
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).tz(ZONE).format('HH:mm DD/MM/YYYY') : '');
/** Today in Vietnam, as YYYY-MM-DD. */
export const today = (): string => dayjs().tz(ZONE).format('YYYY-MM-DD');

/** "Thủ tục" and "thu tuc" match each other: officers search with or without diacritics. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A Select's filter for option labels: "vinh hai" finds "Phường Vĩnh Hải". */
export const foldedFilter = (input: string, option?: { label?: unknown }): boolean => foldDiacritics(String(option?.label ?? '')).includes(foldDiacritics(input.trim()));

/** Working time left as the API counts it on the calendar, as officers say it: "còn 2 ngày 3 giờ", "còn 18 phút", "quá hạn 5 giờ 30 phút". */
export function workingTimeLeft({ days, minutes }: Schemas['TimeLeftDto'], overdue: boolean): string {
  const parts = [days > 0 ? `${days} ngày` : '', minutes >= 60 ? `${Math.floor(minutes / 60)} giờ` : '', minutes % 60 > 0 ? `${minutes % 60} phút` : ''];
  const text = parts.filter(Boolean).join(' ') || '0 phút';
  return overdue ? `quá hạn ${text}` : `còn ${text}`;
}

/** A list's size as the API counts it: long lists stop counting at 10,000 ("hơn 10.000"). */
export const countText = ({ total, totalCapped }: { total: number; totalCapped: boolean }): string => `${totalCapped ? 'hơn ' : ''}${total.toLocaleString('vi-VN')}`;

export const money = (amount: number): string => `${amount.toLocaleString('vi-VN')} đồng`;

export const ROLE_LABEL: Record<string, string> = {
  SYSTEM_ADMIN: 'Quản trị hệ thống',
  ADMIN: 'Quản trị đơn vị',
  RECEPTION: 'Cán bộ tiếp nhận',
  PROCESSOR: 'Chuyên viên xử lý',
  LEADER: 'Lãnh đạo phê duyệt',
  SUPERVISOR: 'Giám sát, theo dõi',
};

export const CHANNEL_LABEL: Record<string, string> = { counter: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' };

export const LEVEL_LABEL: Record<Schemas['ProcedureSummaryDto']['level'], string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };

/** In the order an administrator picks them. */
export const DURATION_UNIT_LABEL: Record<Schemas['DurationDto']['unit'], string> = {
  working_hours: 'giờ làm việc',
  half_days: 'buổi làm việc',
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
};

/** "15 ngày làm việc", "0,5 ngày làm việc"; a same-day procedure reads "Trong ngày làm việc", as on the receipt. */
export function durationText({ amount, unit }: Schemas['DurationDto']): string {
  if (amount === 0 && unit === 'working_days') return 'Trong ngày làm việc';
  return `${amount.toLocaleString('vi-VN')} ${DURATION_UNIT_LABEL[unit]}`;
}
