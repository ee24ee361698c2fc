import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import type { Schemas } from '../api/client';

export type DossierStatus = Schemas['DossierStatus'];

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

const STATUS_COLOR: Record<DossierStatus, string> = {
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

/** A dossier's status, in the API's words where the page has them, coloured by what it asks of the reader. */
export function StatusTag({ status, label = STATUS_LABEL[status], style }: { status: DossierStatus; label?: string; style?: CSSProperties }) {
  return (
    <Tag color={STATUS_COLOR[status]} style={style}>
      {label}
    </Tag>
  );
}
