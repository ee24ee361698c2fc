import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Radio, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { errorText } from '../api/errors';
import { useApi } from '../api/use-api';
import { DeadlineTag } from '../components/deadline-tag';
import { type DossierStatus, StatusTag } from '../components/status-tag';
import { countText, formatDateTime, workingTimeLeft } from '../format';
import type { InboxItem } from './dossier/complete-task';
import { PAUSED_STATUSES } from './dossier/labels';
import { ReturnedTag } from './dossier/returns';
import { TaskActions } from './dossier/task-actions';

const PAGE_SIZE = 20;
type Scope = 'agency' | 'mine';
type DeadlineFilter = 'all' | 'dueSoon' | 'overdue';
/** How the deadline filter reads in the address bar (?han=qua-han), so a filtered inbox can be bookmarked. */
const DEADLINE_PARAM: Record<DeadlineFilter, string> = { all: '', dueSoon: 'sap-den-han', overdue: 'qua-han' };

const EMPTY_TEXT: Record<Scope, Record<DeadlineFilter, string>> = {
  agency: { all: 'Không có hồ sơ nào chờ cơ quan xử lý.', dueSoon: 'Không có hồ sơ sắp đến hạn.', overdue: 'Không có hồ sơ quá hạn.' },
  mine: { all: 'Ông/bà chưa nhận xử lý hồ sơ nào. Nhận việc ở thẻ «Việc của cơ quan».', dueSoon: 'Không có hồ sơ sắp đến hạn.', overdue: 'Không có hồ sơ quá hạn.' },
};

/**
 * The steps waiting for the officer's agency and role, soonest deadline first (the API's order):
 * the agency's pool to take work from, and the officer's own claimed steps.
 */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get('viec') === 'cua-toi' ? 'mine' : 'agency';
  const deadline = (Object.keys(DEADLINE_PARAM) as DeadlineFilter[]).find((key) => DEADLINE_PARAM[key] === params.get('han')) ?? 'all';
  const page = Math.max(1, Number(params.get('trang')) || 1);

  const inbox = useApi(
    `${scope}/${deadline}/${page}`,
    async () => {
      const filter = { overdue: deadline === 'overdue' || undefined, dueSoon: deadline === 'dueSoon' || undefined };
      const list = (mine: boolean, limit: number, offset: number) => unwrap(api.GET('/api/tasks', { params: { query: { ...filter, mine: mine || undefined, limit, offset } } }));
      // The other tab's count comes with the list, so both tabs say how much waits in them.
      const [shown, other] = await Promise.all([list(scope === 'mine', PAGE_SIZE, (page - 1) * PAGE_SIZE), list(scope !== 'mine', 1, 0)]);
      const totals: Record<Scope, string> = scope === 'mine' ? { mine: countText(shown), agency: countText(other) } : { agency: countText(shown), mine: countText(other) };
      return { shown, totals };
    },
    { keepPrevious: true },
  );

  const show = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  const columns: ColumnsType<InboxItem> = [
    {
      title: 'Mã hồ sơ',
      dataIndex: 'dossierCode',
      render: (code: string) => <Link to={`/ho-so/${encodeURIComponent(code)}`}>{code}</Link>,
    },
    { title: 'Thủ tục', dataIndex: 'procedureName', width: '24%' },
    { title: 'Người nộp', dataIndex: 'applicantName' },
    {
      title: 'Bước xử lý',
      dataIndex: 'stepName',
      render: (name: string, task) => (
        <>
          {name}
          {(task.activation > 1 || PAUSED_STATUSES.includes(task.dossierStatus)) && (
            <div>
              <ReturnedTag activation={task.activation} />
              {PAUSED_STATUSES.includes(task.dossierStatus) && <StatusTag status={task.dossierStatus as DossierStatus} />}
            </div>
          )}
        </>
      ),
    },
    { title: 'Hạn xử lý', dataIndex: 'dueAt', render: (dueAt: string | null) => (dueAt ? formatDateTime(dueAt) : 'Không giới hạn') },
    {
      title: 'Thời gian còn lại',
      key: 'left',
      render: (_, task) =>
        task.dueAt && (
          <Space size={4} wrap>
            <Typography.Text type={task.overdue ? 'danger' : undefined}>{workingTimeLeft(task.timeLeft, task.overdue)}</Typography.Text>
            <DeadlineTag overdue={task.overdue} dueSoon={task.dueSoon} />
          </Space>
        ),
    },
    { title: 'Thao tác', key: 'actions', render: (_, task) => <TaskActions task={task} onChanged={inbox.reload} /> },
  ];

  const totals = inbox.data?.totals;
  const tabLabel = (text: string, key: Scope) => (totals ? `${text} (${totals[key]})` : text);
  return (
    <Card
      title="Hồ sơ cần xử lý"
      activeTabKey={scope}
      onTabChange={(key) => show({ viec: key === 'mine' ? 'cua-toi' : null, trang: null })}
      tabList={[
        { key: 'agency', label: tabLabel('Việc của cơ quan', 'agency') },
        { key: 'mine', label: tabLabel('Việc của tôi', 'mine') },
      ]}
      tabBarExtraContent={
        <Space>
          <Radio.Group
            aria-label="Lọc theo hạn xử lý"
            optionType="button"
            value={DEADLINE_PARAM[deadline]}
            onChange={(event) => show({ han: event.target.value || null, trang: null })}
            options={[
              { value: DEADLINE_PARAM.all, label: 'Tất cả' },
              { value: DEADLINE_PARAM.dueSoon, label: 'Sắp đến hạn' },
              { value: DEADLINE_PARAM.overdue, label: 'Quá hạn' },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={inbox.reload} loading={inbox.loading}>
            Làm mới
          </Button>
        </Space>
      }
    >
      {inbox.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(inbox.error)}
          action={
            <Button size="small" onClick={inbox.reload}>
              Thử lại
            </Button>
          }
        />
      ) : (
        <Table<InboxItem>
          rowKey="id"
          columns={columns}
          dataSource={inbox.data?.shown.items}
          loading={inbox.loading}
          locale={{ emptyText: EMPTY_TEXT[scope][deadline] }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: inbox.data?.shown.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: () => inbox.data && `${countText(inbox.data.shown)} bước`,
            onChange: (next) => show({ trang: next === 1 ? null : String(next) }),
          }}
        />
      )}
    </Card>
  );
}
