/** Business status of a dossier, with the national portal's numeric code and the label citizens read. */
export enum DossierStatus {
  SUBMITTED = 'SUBMITTED',
  RECEIVED = 'RECEIVED',
  REFUSED = 'REFUSED',
  IN_PROCESS = 'IN_PROCESS',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  WITHDRAWN = 'WITHDRAWN',
  STOPPED = 'STOPPED',
  RESOLVED = 'RESOLVED',
  RETURNED = 'RETURNED',
}

export const NATIONAL_STATUS_CODE: Record<DossierStatus, number> = {
  [DossierStatus.SUBMITTED]: 1,
  [DossierStatus.RECEIVED]: 2,
  [DossierStatus.REFUSED]: 3,
  [DossierStatus.IN_PROCESS]: 4,
  [DossierStatus.SUPPLEMENT_REQUESTED]: 5,
  [DossierStatus.AWAITING_PAYMENT]: 6,
  [DossierStatus.WITHDRAWN]: 7,
  [DossierStatus.STOPPED]: 8,
  [DossierStatus.RESOLVED]: 9,
  [DossierStatus.RETURNED]: 10,
};

export const STATUS_LABEL: Record<DossierStatus, string> = {
  [DossierStatus.SUBMITTED]: 'Chờ tiếp nhận',
  [DossierStatus.RECEIVED]: 'Đã tiếp nhận',
  [DossierStatus.REFUSED]: 'Từ chối tiếp nhận',
  [DossierStatus.IN_PROCESS]: 'Đang giải quyết',
  [DossierStatus.SUPPLEMENT_REQUESTED]: 'Yêu cầu bổ sung hồ sơ',
  [DossierStatus.AWAITING_PAYMENT]: 'Chờ thực hiện nghĩa vụ tài chính',
  [DossierStatus.WITHDRAWN]: 'Công dân rút hồ sơ',
  [DossierStatus.STOPPED]: 'Dừng xử lý',
  [DossierStatus.RESOLVED]: 'Đã có kết quả, chờ trả',
  [DossierStatus.RETURNED]: 'Đã trả kết quả',
};

/** Statuses in which the legal clock stands still (supplement, payment). */
export const PAUSED_STATUSES: readonly DossierStatus[] = [DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.AWAITING_PAYMENT];

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_STATUSES: readonly DossierStatus[] = [DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED, DossierStatus.RETURNED];
