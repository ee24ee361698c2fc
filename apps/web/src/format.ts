import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';

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

/** Working hours left, as officers say them: "còn 2 ngày 3 giờ", "quá hạn 5 giờ" (8 working hours a day). */
export function workingTimeLeft(hours: number): string {
  const absolute = Math.abs(hours);
  const days = Math.floor(absolute / 8);
  const rest = Math.round((absolute - days * 8) * 10) / 10;
  const parts = [days > 0 ? `${days} ngày` : '', rest > 0 ? `${rest} giờ` : ''].filter(Boolean).join(' ') || '0 giờ';
  return hours < 0 ? `quá hạn ${parts}` : `còn ${parts}`;
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
