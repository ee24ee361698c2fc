import dayjs from 'dayjs';
import type { Schemas } from '../../api/client';
import { ROLE_LABEL } from '../../format';

export type AgencyKind = Schemas['AgencyKind'];
export type Level = Schemas['ProcedureSummaryDto']['level'];

export const AGENCY_KIND_LABEL: Record<AgencyKind, string> = {
  PEOPLES_COMMITTEE: 'Ủy ban nhân dân',
  SERVICE_CENTER: 'Trung tâm Phục vụ hành chính công',
  DEPARTMENT: 'Sở, phòng chuyên môn',
  LAND_REGISTRY: 'Văn phòng đăng ký đất đai',
  TAX_OFFICE: 'Cơ quan thuế',
  OTHER: 'Cơ quan khác',
};

export const ONLINE_LEVEL_LABEL: Record<Schemas['ProcedureSummaryDto']['onlineLevel'], string> = {
  full: 'Trực tuyến toàn trình',
  partial: 'Trực tuyến một phần',
  none: 'Không trực tuyến',
};

export const SUPPLEMENT_MODE_LABEL: Record<Schemas['ProcedureResponseDto']['supplementMode'], string> = {
  restart: 'Tính lại thời hạn từ đầu',
  resume: 'Tiếp tục thời hạn còn lại',
};

export const STEP_KIND_LABEL: Record<Schemas['WorkflowStepDto']['kind'], string> = {
  task: 'Công việc',
  fork: 'Tách nhánh song song',
  join: 'Hợp nhánh',
};

/** Select options from a label map, in the map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export const ROLE_OPTIONS = optionsOf(ROLE_LABEL as Record<Schemas['Role'], string>);

/** A calendar date ('2025-01-29') with its weekday, "Thứ tư, 29/01/2025"; a date has no time zone to convert. */
export function dayText(date: string): string {
  const text = dayjs(date).format('dddd, DD/MM/YYYY');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
