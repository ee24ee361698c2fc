import { Tag } from 'antd';
import { type DossierStatus, STATUS_COLOR } from './labels';

/** A dossier's status, in the API's words, coloured by what it asks of the officer. */
export function StatusTag({ status, label }: { status: DossierStatus; label: string }) {
  return <Tag color={STATUS_COLOR[status]}>{label}</Tag>;
}

/** "Quá hạn" (red) past the deadline, "Sắp đến hạn" (orange) past the due-soon mark, nothing otherwise. */
export function DeadlineTag({ overdue, dueSoon = false }: { overdue: boolean; dueSoon?: boolean }) {
  if (overdue) return <Tag color="red">Quá hạn</Tag>;
  if (dueSoon) return <Tag color="orange">Sắp đến hạn</Tag>;
  return null;
}
