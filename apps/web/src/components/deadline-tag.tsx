import { Tag } from 'antd';

/** "Quá hạn" (red) past the deadline, "Sắp đến hạn" (orange) past the due-soon mark, nothing otherwise. */
export function DeadlineTag({ overdue, dueSoon = false }: { overdue: boolean; dueSoon?: boolean }) {
  if (overdue) return <Tag color="red">Quá hạn</Tag>;
  if (dueSoon) return <Tag color="orange">Sắp đến hạn</Tag>;
  return null;
}
