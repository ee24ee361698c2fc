import type { FormInstance } from 'antd';
import { ApiError } from './client';

/** What the user reads for each API error code. */
const CODE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Thông tin nhập chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
  MALFORMED_JSON: 'Yêu cầu không hợp lệ.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  UNAUTHENTICATED: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  DEMO_PASSWORD_REFUSED: 'Mật khẩu mặc định không được dùng trên hệ thống chính thức.',
  FORBIDDEN: 'Tài khoản không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  ALREADY_EXISTS: 'Dữ liệu đã tồn tại.',
  CONFLICT: 'Thao tác xung đột với dữ liệu hiện có.',
  DOSSIER_NOT_IN_STATE: 'Hồ sơ đang ở trạng thái không cho phép thao tác này.',
  STEP_ALREADY_COMPLETED: 'Bước này đã được hoàn thành.',
  STEP_NOT_CLAIMED: 'Bước này chưa được nhận xử lý hoặc đã do cán bộ khác nhận.',
  STEP_CANCELLED: 'Bước này đã bị hủy.',
  MISSING_DOCUMENTS: 'Hồ sơ còn thiếu giấy tờ bắt buộc.',
  NOT_ROUTABLE: 'Không xác định được cơ quan xử lý cho quy trình của hồ sơ.',
  APOLOGY_ALREADY_ISSUED: 'Hồ sơ đã có phiếu xin lỗi, hẹn lại ngày trả; chỉ được hẹn lại một lần.',
  VERSION_CONFLICT: 'Hồ sơ vừa được người khác cập nhật, vui lòng tải lại.',
  IDEMPOTENCY_MISMATCH: 'Yêu cầu trùng lặp với nội dung khác.',
  UNPROCESSABLE: 'Không thể thực hiện thao tác với dữ liệu này.',
  RATE_LIMITED: 'Ông/bà đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.',
  UNAVAILABLE: 'Hệ thống đang tạm gián đoạn, vui lòng thử lại sau ít phút.',
  NETWORK: 'Không kết nối được với máy chủ.',
  INTERNAL: 'Đã xảy ra lỗi hệ thống.',
};

/** The API's field reasons are English; the officer reads them in Vietnamese. */
const REASONS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^is required$/, () => 'Bắt buộc nhập'],
  [/should not be empty|must be a non-empty/, () => 'Không được để trống'],
  [/^is not an allowed field$/, () => 'Trường không được phép'],
  [/must be (\d+) digits/, (m) => `Phải gồm ${m[1]} chữ số`],
  [/must be a (\d+)-digit code/, (m) => `Phải là mã ${m[1]} chữ số`],
  [/must be an email/, () => 'Địa chỉ thư điện tử không hợp lệ'],
  [/must be a valid ISO 8601 date|must be a date|INVALID_DATE/, () => 'Ngày không hợp lệ'],
  [/must be longer than or equal to (\d+)/, (m) => `Phải có ít nhất ${m[1]} ký tự`],
  [/must be shorter than or equal to (\d+)/, (m) => `Không được quá ${m[1]} ký tự`],
  [/must not be less than (\d+)/, (m) => `Không được nhỏ hơn ${m[1]}`],
  [/must not be greater than (\d+)/, (m) => `Không được lớn hơn ${m[1]}`],
  [/must be one of the following values: (.*)/, (m) => `Phải là một trong: ${m[1]}`],
  [/is taken|appears twice|is used twice|is listed twice/, () => 'Đã được dùng'],
  [/is the demo password/, () => 'Không được dùng mật khẩu mặc định'],
  [/is not one of this procedure's papers/, () => 'Không thuộc thành phần hồ sơ của thủ tục'],
  [/must be on or after from/, () => 'Phải từ ngày bắt đầu trở đi'],
  [/must be after the current appointment/, () => 'Phải sau ngày hẹn hiện tại'],
  [/no such agency/, () => 'Không có cơ quan này trong phạm vi quản lý'],
  [/not on your own account/, () => 'Không áp dụng cho chính tài khoản của mình'],
  [/must be 10 to 200 characters with a letter and a digit/, () => 'Từ 10 đến 200 ký tự, có cả chữ và số'],
  [/must be 3 to 50 lower-case letters/, () => 'Từ 3 đến 50 ký tự: chữ thường không dấu, chữ số, ".", "-", "_"'],
  [/must be an electronic ID code like (\S+)/, (m) => `Mã định danh điện tử dạng ${m[1]}`],
  [/must be a national (?:procedure )?code like (\S+)/, (m) => `Mã thủ tục quốc gia dạng ${m[1]}`],
  [/must be lowercase letters, digits and dashes/, () => 'Chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang'],
  [/must be a date in (\d{4})/, (m) => `Phải là một ngày trong năm ${m[1]}`],
  [/unknown agency kind '?([^']*)'?/, (m) => `Không có loại cơ quan ${m[1]}`],
  [/unknown role '?([^']*)'?/, (m) => `Vai trò không hợp lệ: ${m[1]}`],
  [/unknown step '?([^']*)'?/, (m) => `Không có bước '${m[1]}'`],
  [/unknown agency '?([^']*)'?/, (m) => `Không có cơ quan ${m[1]}`],
  [/missing return step/, () => 'Quy trình phải kết thúc bằng một bước trả kết quả của cán bộ tiếp nhận'],
  [/no commune with code '?(\d+)'?/, (m) => `Không có xã, phường, thị trấn mã ${m[1]}`],
  [/the longest path \((.*)\) needs ([\d.]+) working hours; the legal time allows ([\d.]+)/, (m) => `Đường xử lý dài nhất (${m[1]}) cần ${m[2]} giờ làm việc, vượt thời hạn giải quyết (${m[3]} giờ)`],
];

export function reasonText(reason: string): string {
  for (const [pattern, text] of REASONS) {
    const match = reason.match(pattern);
    if (match) return text(match);
  }
  // Reasons written for officers (calendar notes, workflow checks) pass through as the API wrote them.
  return /[À-ỹ]/.test(reason) ? reason : `Giá trị không hợp lệ (${reason})`;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return CODE_MESSAGES[error.code] ?? CODE_MESSAGES.INTERNAL;
  return CODE_MESSAGES.INTERNAL;
}

/**
 * Puts each problem the API names next to its field in the form (`applicant.idNumber` →
 * ['applicant', 'idNumber'], `steps[2].role` → ['steps', 2, 'role']). Returns the problems no field
 * of the form shows, for the caller to show above the form.
 */
export function showFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [errorText(error)];
  const unplaced: string[] = [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  for (const problem of error.fields) {
    const name = problem.field
      .split(/\.|\[(\d+)\]/)
      .filter((part) => part !== undefined && part !== '')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const known = (() => {
      try {
        return form.getFieldInstance(name) !== undefined || form.getFieldValue(name) !== undefined;
      } catch {
        return false;
      }
    })();
    if (known) placed.push({ name, errors: [reasonText(problem.reason)] });
    else unplaced.push(`${problem.field}: ${reasonText(problem.reason)}`);
  }
  form.setFields(placed);
  return placed.length === 0 && unplaced.length === 0 ? [errorText(error)] : unplaced;
}
