import type { Schemas } from '../../api/client';

export type DossierStatus = Schemas['DossierStatus'];
export type TaskAction = Schemas['CompleteTaskDto']['action'];

/** The API's own status labels, for the places where only the status is at hand (filters, inbox rows). */
export const STATUS_LABEL: Record<DossierStatus, string> = {
  SUBMITTED: 'Chờ tiếp nhận',
  RECEIVED: 'Đã tiếp nhận',
  REFUSED: 'Từ chối tiếp nhận',
  IN_PROCESS: 'Đang giải quyết',
  SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung hồ sơ',
  AWAITING_PAYMENT: 'Chờ thực hiện nghĩa vụ tài chính',
  WITHDRAWN: 'Công dân rút hồ sơ',
  STOPPED: 'Dừng xử lý',
  RESOLVED: 'Đã có kết quả, chờ trả',
  RETURNED: 'Đã trả kết quả',
};

export const STATUS_COLOR: Record<DossierStatus, string> = {
  SUBMITTED: 'default',
  RECEIVED: 'cyan',
  REFUSED: 'red',
  IN_PROCESS: 'blue',
  SUPPLEMENT_REQUESTED: 'orange',
  AWAITING_PAYMENT: 'gold',
  WITHDRAWN: 'default',
  STOPPED: 'volcano',
  RESOLVED: 'green',
  RETURNED: 'purple',
};

/** While the citizen owes papers or a payment, the dossier's steps wait. */
export const PAUSED_STATUSES: readonly string[] = ['SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'];

/** A processor's decisions on a step, as the DTO allows them. */
export const TASK_ACTION_LABEL: Record<TaskAction, string> = {
  forward: 'Chuyển bước tiếp theo',
  approve: 'Phê duyệt',
  return: 'Trả lại bước trước',
  'request-supplement': 'Yêu cầu công dân bổ sung hồ sơ',
  'request-payment': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  reject: 'Từ chối giải quyết',
  skip: 'Bỏ qua bước không bắt buộc',
};

/** A step's own result against its deadline. */
export const RESULT_LABEL: Record<string, { text: string; color: string }> = {
  early: { text: 'Sớm hạn', color: 'green' },
  on_time: { text: 'Đúng hạn', color: 'blue' },
  late: { text: 'Trễ hạn', color: 'red' },
};

/** What each history entry means to an officer. */
export const HISTORY_LABEL: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận hồ sơ',
  'request-supplement': 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement: 'Công dân bổ sung hồ sơ',
  'request-payment': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  payment: 'Đã thực hiện nghĩa vụ tài chính',
  start: 'Chuyển xử lý theo quy trình',
  'complete-step': 'Hoàn thành bước xử lý',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  reproject: 'Điều chỉnh ngày hẹn trả theo lịch làm việc',
  resolve: 'Đã có kết quả giải quyết',
  stop: 'Dừng xử lý hồ sơ',
  withdraw: 'Công dân rút hồ sơ',
  return: 'Trả kết quả cho công dân',
};

const DURATION_UNIT: Record<Schemas['DurationDto']['unit'], string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  half_days: 'buổi làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
};

/** "15 ngày làm việc"; a same-day procedure reads "Trong ngày làm việc", as on the receipt. */
export function durationText({ amount, unit }: Schemas['DurationDto']): string {
  if (amount === 0 && unit === 'working_days') return 'Trong ngày làm việc';
  return `${String(amount).replace('.', ',')} ${DURATION_UNIT[unit]}`;
}
