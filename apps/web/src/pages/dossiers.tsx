import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Schemas, unwrap } from '../api/client';
import { errorText } from '../api/errors';
import { useApi } from '../api/use-api';
import { DeadlineTag } from '../components/deadline-tag';
import { type DossierStatus, STATUS_LABEL, StatusTag } from '../components/status-tag';
import { CHANNEL_LABEL, countText, formatDateTime } from '../format';

type DossierSummary = Schemas['DossierSummaryDto'];
type SortKey = 'submittedAt' | 'dueAt';

const PAGE_SIZE = 20;
const SORT_KEYS: readonly SortKey[] = ['submittedAt', 'dueAt'];

/** Every dossier in the officer's scope, searched by code or applicant, filtered by status; the filters live in the address. */
export function DossiersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (Object.keys(STATUS_LABEL) as DossierStatus[]).find((key) => key === params.get('trang-thai'));
  const overdue = params.get('qua-han') === '1';
  const sort = SORT_KEYS.find((key) => key === params.get('sap-xep')) ?? 'submittedAt';
  const order = params.get('thu-tu') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number(params.get('trang')) || 1);

  const dossiers = useApi(
    params.toString(),
    () =>
      unwrap(
        api.GET('/api/dossiers', {
          params: { query: { q: q || undefined, status, overdue: overdue || undefined, sort, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
    { keepPrevious: true },
  );

  /** Changes filters; any change but the page's own goes back to the first page. */
  const show = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('trang' in changes)) next.delete('trang');
    setParams(next);
  };

  const sorted = (key: SortKey): SortOrder => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<DossierSummary> = [
    { title: 'Mã hồ sơ', dataIndex: 'code', render: (code: string) => <Link to={`/ho-so/${encodeURIComponent(code)}`}>{code}</Link> },
    { title: 'Thủ tục', dataIndex: 'procedureName', width: '28%' },
    { title: 'Người nộp', dataIndex: 'applicantName' },
    { title: 'Kênh nộp', dataIndex: 'channel', render: (channel: string) => CHANNEL_LABEL[channel] },
    { title: 'Ngày nộp', key: 'submittedAt', dataIndex: 'submittedAt', sorter: true, sortOrder: sorted('submittedAt'), render: formatDateTime },
    {
      title: 'Hẹn trả',
      key: 'dueAt',
      dataIndex: 'dueAt',
      sorter: true,
      sortOrder: sorted('dueAt'),
      render: (dueAt: string | null, dossier) =>
        dueAt ? (
          <Space size={4} wrap>
            {formatDateTime(dueAt)}
            <DeadlineTag overdue={dossier.overdue} />
          </Space>
        ) : (
          <Typography.Text type="secondary">Chưa hẹn</Typography.Text>
        ),
    },
    { title: 'Trạng thái', dataIndex: 'status', render: (value: DossierStatus, dossier) => <StatusTag status={value} label={dossier.statusLabel} /> },
  ];

  return (
    <Card title="Tra cứu hồ sơ">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={q}
          aria-label="Tìm hồ sơ"
          placeholder="Mã hồ sơ hoặc tên người nộp"
          defaultValue={q}
          allowClear
          enterButton="Tìm"
          style={{ width: 380 }}
          onSearch={(value) => show({ q: value.trim() })}
        />
        <Select
          aria-label="Trạng thái"
          placeholder="Tất cả trạng thái"
          allowClear
          style={{ width: 260 }}
          value={status}
          onChange={(value?: DossierStatus) => show({ 'trang-thai': value ?? null })}
          options={(Object.keys(STATUS_LABEL) as DossierStatus[]).map((value) => ({ value, label: STATUS_LABEL[value] }))}
        />
        <Checkbox checked={overdue} onChange={(event) => show({ 'qua-han': event.target.checked ? '1' : null })}>
          Chỉ hồ sơ quá hạn
        </Checkbox>
      </Space>
      {dossiers.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(dossiers.error)}
          action={
            <Button size="small" onClick={dossiers.reload}>
              Thử lại
            </Button>
          }
        />
      ) : (
        <Table<DossierSummary>
          rowKey="code"
          columns={columns}
          dataSource={dossiers.data?.items}
          loading={dossiers.loading}
          locale={{ emptyText: q || status || overdue ? 'Không có hồ sơ phù hợp với điều kiện tìm kiếm.' : 'Chưa có hồ sơ nào.' }}
          onChange={(pagination, _filters, sorter) => {
            const column = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = SORT_KEYS.find((candidate) => candidate === column.columnKey);
            show({
              'sap-xep': key && column.order && key !== 'submittedAt' ? key : null,
              'thu-tu': column.order === 'ascend' ? 'asc' : null,
              trang: pagination.current && pagination.current > 1 ? String(pagination.current) : null,
            });
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: dossiers.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: () => dossiers.data && `${countText(dossiers.data)} hồ sơ`,
          }}
        />
      )}
    </Card>
  );
}
