import type { Schemas } from '../../api/client';

export type TaskAction = Schemas['CompleteTaskDto']['action'];

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
