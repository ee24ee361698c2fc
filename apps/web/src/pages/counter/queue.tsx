import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Flex, Select, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { errorText } from '../../api/errors';
import { CHANNEL_LABEL, countText, formatDateTime } from '../../format';
import { useSession } from '../../session';
import type { Channel } from './catalog';
import { ChannelTag } from './dossier-details';
import { useDossierList } from './dossier-list';
import { DossierReview } from './queue-review';

type Summary = Schemas['DossierSummaryDto'];
type Waiting = 'SUBMITTED' | 'SUPPLEMENT_REQUESTED' | 'AWAITING_PAYMENT';

const PAGE_SIZE = 20;
/** What the counter does for the dossiers of each tab: decide on them, take the papers in, record the payment. */
const TABS: { key: Waiting; label: string; empty: string; action: string }[] = [
  { key: 'SUBMITTED', label: 'Chờ tiếp nhận', empty: 'Không có hồ sơ nào chờ tiếp nhận', action: 'Xử lý' },
  { key: 'SUPPLEMENT_REQUESTED', label: 'Chờ công dân bổ sung', empty: 'Không có hồ sơ nào chờ công dân bổ sung', action: 'Bổ sung' },
  { key: 'AWAITING_PAYMENT', label: 'Chờ nộp thuế, phí', empty: 'Không có hồ sơ nào chờ công dân nộp thuế, phí', action: 'Ghi nhận nộp' },
];

/** How long a filing has waited, in calendar time: the counter works the oldest first. */
function waited(submittedAt: string): string {
  const hours = dayjs().diff(dayjs(submittedAt), 'hour');
  if (hours < 1) return 'vừa nộp';
  return hours < 24 ? `đã chờ ${hours} giờ` : `đã chờ ${Math.floor(hours / 24)} ngày`;
}

/**
 * The agency's own filings in a status. Only the receiving counter may decide on a dossier, and its code
 * starts with that agency's code, so the search narrows a district's or province's scope to its own.
 */
function useWaiting(agencyCode: string, status: Waiting, channel: Channel | undefined, page: number) {
  return useDossierList({ status, channel, agency: agencyCode, sort: 'submittedAt', order: 'asc', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
}

/** What waits for the counter, oldest first: filings to decide on, papers and payments owed by citizens. */
export function QueuePage() {
  const { user } = useSession();
  const [tab, setTab] = useState<Waiting>('SUBMITTED');
  const [channel, setChannel] = useState<Channel | undefined>();
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<string | null>(null);
  const agencyCode = user?.agencyCode ?? '';
  const lists: Record<Waiting, ReturnType<typeof useWaiting>> = {
    SUBMITTED: useWaiting(agencyCode, 'SUBMITTED', channel, tab === 'SUBMITTED' ? page : 1),
    SUPPLEMENT_REQUESTED: useWaiting(agencyCode, 'SUPPLEMENT_REQUESTED', channel, tab === 'SUPPLEMENT_REQUESTED' ? page : 1),
    AWAITING_PAYMENT: useWaiting(agencyCode, 'AWAITING_PAYMENT', channel, tab === 'AWAITING_PAYMENT' ? page : 1),
  };
  const shown = lists[tab];
  const current = TABS.find((candidate) => candidate.key === tab)!;

  function reload() {
    for (const list of Object.values(lists)) list.reload();
  }

  function close() {
    setOpened(null);
    reload();
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Hồ sơ chờ xử lý tại Bộ phận Một cửa
        </Typography.Title>
        <Typography.Text type="secondary">
          Hồ sơ trực tuyến, bưu chính chờ quyết định tiếp nhận; hồ sơ chờ công dân nộp bổ sung giấy tờ hoặc nộp thuế, phí. Hồ sơ nộp sớm nhất ở đầu danh sách.
        </Typography.Text>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Waiting);
            setPage(1);
          }}
          items={TABS.map(({ key, label }) => ({ key, label: `${label} (${countText(lists[key])})` }))}
          tabBarExtraContent={
            <Flex gap={8}>
              <Select<Channel | undefined>
                aria-label="Hình thức nộp"
                style={{ width: 200 }}
                value={channel}
                onChange={(value) => {
                  setChannel(value);
                  setPage(1);
                }}
                allowClear
                placeholder="Mọi hình thức nộp"
                options={(['online', 'post', 'counter'] as const).map((value) => ({ value, label: CHANNEL_LABEL[value] }))}
              />
              <Button icon={<ReloadOutlined />} onClick={reload}>
                Làm mới
              </Button>
            </Flex>
          }
        />
        {shown.error !== undefined && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`Không tải được danh sách hồ sơ. ${errorText(shown.error)}`} />}
        <Table<Summary>
          rowKey="code"
          loading={shown.loading}
          dataSource={shown.items}
          locale={{ emptyText: current.empty }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: shown.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          onRow={(dossier) => ({ onDoubleClick: () => setOpened(dossier.code) })}
          columns={[
            {
              title: 'Mã hồ sơ',
              dataIndex: 'code',
              width: 230,
              render: (code: string, dossier) => (
                <Flex vertical align="start" gap={4}>
                  <Typography.Text strong>{code}</Typography.Text>
                  <ChannelTag channel={dossier.channel} />
                </Flex>
              ),
            },
            {
              title: 'Thủ tục',
              render: (_, dossier) => (
                <Flex vertical>
                  <span>{dossier.procedureName}</span>
                  <Typography.Text type="secondary">{dossier.procedureCode}</Typography.Text>
                </Flex>
              ),
            },
            { title: 'Người nộp', dataIndex: 'applicantName', width: 180 },
            {
              title: 'Thời điểm nộp',
              dataIndex: 'submittedAt',
              width: 170,
              render: (submittedAt: string) => (
                <Flex vertical>
                  <span>{formatDateTime(submittedAt)}</span>
                  <Typography.Text type="secondary">{waited(submittedAt)}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: 'Thao tác',
              width: 130,
              render: (_, dossier) => (
                <Button type="primary" ghost onClick={() => setOpened(dossier.code)} aria-label={`Xử lý hồ sơ ${dossier.code}`}>
                  {current.action}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer open={opened !== null} title={opened ? `Hồ sơ ${opened}` : ''} size={960} destroyOnHidden onClose={close}>
        {opened && <DossierReview key={opened} code={opened} onClose={close} />}
      </Drawer>
    </Flex>
  );
}
