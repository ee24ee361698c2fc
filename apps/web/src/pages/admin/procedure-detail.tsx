import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Empty, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { CHANNEL_LABEL, durationText, formatDateTime, LEVEL_LABEL, money } from '../../format';
import { AGENCY_KIND_LABEL, ONLINE_LEVEL_LABEL, SUPPLEMENT_MODE_LABEL } from './labels';
import { ProcedureForm } from './procedure-form';
import { useAgencies } from './use-agencies';
import { WorkflowPanel } from './workflow';

type Procedure = Schemas['ProcedureResponseDto'];
type RequiredDocument = Schemas['RequiredDocumentDto'];

/** One procedure: its terms, papers, fees and variants, and its workflows. */
export function ProcedureDrawer({ code, onClose, onChanged }: { code: string; onClose(): void; onChanged(): void }) {
  const { message } = App.useApp();
  const { nameOf } = useAgencies();
  const loaded = useApi(code, () => unwrap(api.GET('/api/procedures/{code}', { params: { path: { code } } })));
  const procedure = loaded.data;
  const [editing, setEditing] = useState(false);

  return (
    <Drawer
      open
      size={1100}
      onClose={onClose}
      title={procedure ? `${procedure.code} · ${procedure.name}` : code}
      extra={
        procedure && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            Sửa thông tin
          </Button>
        )
      }
    >
      {procedure ? (
        <Tabs
          items={[
            { key: 'info', label: 'Thông tin thủ tục', children: <ProcedureInfo procedure={procedure} /> },
            {
              key: 'workflow',
              label: 'Quy trình xử lý',
              children: (
                <WorkflowPanel
                  procedure={procedure}
                  agencyName={nameOf}
                  onPublished={() => {
                    loaded.reload();
                    onChanged();
                  }}
                />
              ),
            },
          ]}
        />
      ) : loaded.error !== undefined ? (
        <Empty description={errorText(loaded.error)} />
      ) : (
        <Spin />
      )}
      {editing && procedure && (
        <ProcedureForm
          procedure={procedure}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            loaded.setData(saved);
            message.success(`Đã lưu thủ tục ${saved.code}`);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function ProcedureInfo({ procedure }: { procedure: Procedure }) {
  const channelTimes = Object.entries(procedure.channelTimes ?? {}).filter(([, duration]) => duration);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="Mã thủ tục">{procedure.code}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">{procedure.active ? <Tag color="green">Đang tiếp nhận</Tag> : <Tag color="red">Ngừng tiếp nhận</Tag>}</Descriptions.Item>
        <Descriptions.Item label="Tên thủ tục" span={2}>
          {procedure.name}
        </Descriptions.Item>
        <Descriptions.Item label="Lĩnh vực">{procedure.field}</Descriptions.Item>
        <Descriptions.Item label="Cấp thực hiện">{LEVEL_LABEL[procedure.level]}</Descriptions.Item>
        <Descriptions.Item label="Thời hạn giải quyết">
          <div>{durationText(procedure.legalTime)}</div>
          {channelTimes.map(([channel, duration]) => (
            <Typography.Text key={channel} type="secondary" style={{ display: 'block' }}>
              {CHANNEL_LABEL[channel]}: {durationText(duration)}
            </Typography.Text>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="Dịch vụ công trực tuyến">{ONLINE_LEVEL_LABEL[procedure.onlineLevel]}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan chủ trì">{AGENCY_KIND_LABEL[procedure.leadAgencyKind]}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan phối hợp">{procedure.coordinatingAgencyKinds.map((kind) => AGENCY_KIND_LABEL[kind]).join(', ') || 'Không có'}</Descriptions.Item>
        <Descriptions.Item label="Khi bổ sung hồ sơ">{SUPPLEMENT_MODE_LABEL[procedure.supplementMode]}</Descriptions.Item>
        <Descriptions.Item label="Cập nhật lúc">{formatDateTime(procedure.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title="Thành phần hồ sơ">
        <DocumentsTable documents={procedure.documents} />
      </Card>
      <Card size="small" title="Phí, lệ phí">
        <Table<Schemas['FeeDto']>
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={procedure.fees}
          locale={{ emptyText: 'Không thu phí, lệ phí' }}
          columns={[
            { title: 'Khoản thu', dataIndex: 'name' },
            { title: 'Mức thu', dataIndex: 'amount', width: 200, align: 'right', render: money },
          ]}
        />
      </Card>
      <Card size="small" title="Trường hợp riêng">
        {procedure.variants.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Thủ tục không có trường hợp riêng" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {procedure.variants.map((variant) => (
              <Card key={variant.key} type="inner" size="small" title={variant.name}>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label="Mã trường hợp">{variant.key}</Descriptions.Item>
                  <Descriptions.Item label="Thời hạn giải quyết">{variant.legalTime ? durationText(variant.legalTime) : 'Như thủ tục'}</Descriptions.Item>
                </Descriptions>
                {variant.documents ? <DocumentsTable documents={variant.documents} /> : <Typography.Text type="secondary">Thành phần hồ sơ như thủ tục.</Typography.Text>}
              </Card>
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}

function DocumentsTable({ documents }: { documents: RequiredDocument[] }) {
  return (
    <Table<RequiredDocument>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={documents}
      locale={{ emptyText: 'Chưa có giấy tờ nào' }}
      columns={[
        { title: 'STT', width: 56, render: (_, __, index) => index + 1 },
        {
          title: 'Tên giấy tờ',
          render: (_, document) => (
            <>
              <div>{document.name}</div>
              {document.template && <Typography.Text type="secondary">Mẫu: {document.template}</Typography.Text>}
            </>
          ),
        },
        { title: 'Bản chính', dataIndex: 'originals', width: 90, align: 'center' },
        { title: 'Bản sao', dataIndex: 'copies', width: 90, align: 'center' },
        { title: 'Bắt buộc', dataIndex: 'mandatory', width: 110, render: (mandatory: boolean) => (mandatory ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>) },
      ]}
    />
  );
}
