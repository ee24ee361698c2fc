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
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** A Select's filter for option labels: "vinh hai" finds "Phường Vĩnh Hải". */
export const foldedFilter = (input: string, option?: { label?: unknown }): boolean =>
  foldDiacritics(String(option?.label ?? '')).includes(foldDiacritics(input.trim()));

/**
 * The API counts the time left in office-session hours: a full day is 07:30–11:30 and 13:30–17:00,
 * 7.5 hours, so 30 hours left are four office days, as the officer counts them on the calendar.
 */
const OFFICE_DAY_MINUTES = 450;

/** Working time left, as officers say it: "còn 2 ngày 3 giờ", "còn 18 phút", "quá hạn 5 giờ 30 phút". */
export function workingTimeLeft(hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const days = Math.floor(minutes / OFFICE_DAY_MINUTES);
  const rest = minutes % OFFICE_DAY_MINUTES;
  const parts = [days > 0 ? `${days} ngày` : '', rest >= 60 ? `${Math.floor(rest / 60)} giờ` : '', rest % 60 > 0 ? `${rest % 60} phút` : ''];
  const text = parts.filter(Boolean).join(' ') || '0 phút';
  return hours < 0 ? `quá hạn ${text}` : `còn ${text}`;
}

export const money = (amount: number): string => `${amount.toLocaleString('vi-VN')} đồng`;

export const ROLE_LABEL: Record<string, string> = {
  ADMIN: 'Quản trị hệ thống',
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
