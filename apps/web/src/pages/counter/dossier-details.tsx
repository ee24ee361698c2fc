import { Descriptions, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { StatusTag } from '../../components/status-tag';
import { CHANNEL_LABEL, durationText, formatDate, formatDateTime } from '../../format';
import { useCommunes } from './catalog';
import { countsText } from './checklist';

export type Dossier = Schemas['DossierResponseDto'];

export const ChannelTag = ({ channel }: { channel: string }) => <Tag color={channel === 'counter' ? 'default' : 'geekblue'}>{CHANNEL_LABEL[channel] ?? channel}</Tag>;

/** Who filed the dossier, for what, and when: what the counter checks before deciding or handing over. */
export function DossierDetails({ dossier }: { dossier: Dossier }) {
  const { applicant, proxy } = dossier;
  const commune = useCommunes().data?.find((unit) => unit.code === applicant.address.communeCode);
  const person = applicant.kind === 'person';
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'code',
          label: 'Mã hồ sơ',
          children: (
            <Typography.Text strong copyable>
              {dossier.code}
            </Typography.Text>
          ),
        },
        { key: 'status', label: 'Trạng thái', children: <StatusTag status={dossier.status} label={dossier.statusLabel} /> },
        { key: 'procedure', label: 'Thủ tục', span: 2, children: `${dossier.procedureCode} – ${dossier.procedureName}` },
        { key: 'time', label: 'Thời hạn giải quyết', span: 2, children: durationText(dossier.legalTime) },
        { key: 'channel', label: 'Hình thức nộp', children: <ChannelTag channel={dossier.channel} /> },
        { key: 'submitted', label: 'Thời điểm nộp', children: formatDateTime(dossier.submittedAt) },
        { key: 'applicant', label: person ? 'Người nộp' : 'Tổ chức', children: applicant.fullName },
        { key: 'id', label: person ? 'Số CCCD' : 'Mã số thuế', children: applicant.idNumber },
        ...(person ? [{ key: 'born', label: 'Ngày sinh', children: formatDate(applicant.dateOfBirth) }] : []),
        { key: 'phone', label: 'Điện thoại', children: applicant.phone || '—' },
        { key: 'email', label: 'Thư điện tử', children: applicant.email || '—' },
        { key: 'address', label: 'Địa chỉ', span: 2, children: commune ? `${applicant.address.line}, ${commune.name}` : `${applicant.address.line} (mã xã, phường ${applicant.address.communeCode})` },
        ...(proxy ? [{ key: 'proxy', label: 'Người nộp thay', span: 2, children: `${proxy.fullName}, CCCD ${proxy.idNumber}; ${proxy.authorization}` }] : []),
        ...(dossier.receivedAt ? [{ key: 'received', label: 'Ngày tiếp nhận', children: formatDateTime(dossier.receivedAt) }] : []),
        ...(dossier.dueAt ? [{ key: 'due', label: 'Hẹn trả kết quả', children: dossier.dueText ?? formatDateTime(dossier.dueAt) }] : []),
        ...(dossier.notes ? [{ key: 'notes', label: 'Ghi chú', span: 2, children: dossier.notes }] : []),
      ]}
    />
  );
}

/** The papers the dossier holds, with their counts. */
export function ReceivedDocuments({ dossier }: { dossier: Dossier }) {
  return (
    <Table<Dossier['documents'][number]>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={dossier.documents}
      locale={{ emptyText: 'Chưa có giấy tờ nào' }}
      columns={[
        { title: 'STT', width: 56, align: 'center', render: (_, __, index) => index + 1 },
        { title: 'Giấy tờ', dataIndex: 'name' },
        { title: 'Số bản', width: 200, render: (_, document) => countsText(document.originals, document.copies) },
      ]}
    />
  );
}
