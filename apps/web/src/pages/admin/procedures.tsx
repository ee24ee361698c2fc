import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type Schemas, unwrap } from '../../api/client';
import { useApi, useErrorMessage } from '../../api/use-api';
import { durationText, LEVEL_LABEL } from '../../format';
import { type Level, ONLINE_LEVEL_LABEL, optionsOf } from './labels';
import { ProcedureDrawer } from './procedure-detail';
import { ProcedureForm } from './procedure-form';

type ProcedureSummary = Schemas['ProcedureSummaryDto'];

const PAGE_SIZE = 20;

interface ProcedureQuery {
  q?: string;
  level?: Level;
  page: number;
}

/**
 * Thủ tục hành chính: the catalog, searched with or without diacritics (the API folds both sides).
 * The open procedure is in the address (?ma=1.001193), so it survives a reload and can be shared.
 */
export function ProceduresPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState<ProcedureQuery>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const openCode = params.get('ma');
  const procedures = useApi(
    JSON.stringify(query),
    () => {
      const { q, level, page: number } = query;
      return unwrap(api.GET('/api/procedures', { params: { query: { q: q || undefined, level, limit: PAGE_SIZE, offset: (number - 1) * PAGE_SIZE } } }));
    },
    { keepPrevious: true },
  );
  useErrorMessage(procedures.error);

  const open = (code: string) => setParams({ ma: code });
  const close = () => setParams({});

  const columns: ColumnsType<ProcedureSummary> = [
    { title: 'Mã thủ tục', dataIndex: 'code', width: 110 },
    {
      title: 'Tên thủ tục',
      dataIndex: 'name',
      render: (name: string, procedure) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => open(procedure.code)}>
          {name}
        </Button>
      ),
    },
    { title: 'Lĩnh vực', dataIndex: 'field', width: 180 },
    { title: 'Cấp thực hiện', dataIndex: 'level', width: 120, render: (level: Level) => LEVEL_LABEL[level] },
    { title: 'Thời hạn giải quyết', dataIndex: 'legalTime', width: 170, render: durationText },
    { title: 'Trực tuyến', dataIndex: 'onlineLevel', width: 170, render: (level: ProcedureSummary['onlineLevel']) => ONLINE_LEVEL_LABEL[level] },
    { title: 'Trạng thái', dataIndex: 'active', width: 140, render: (active: boolean) => (active ? <Tag color="green">Đang tiếp nhận</Tag> : <Tag color="red">Ngừng tiếp nhận</Tag>) },
  ];

  return (
    <Card
      title="Thủ tục hành chính"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          Thêm thủ tục
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="Tìm thủ tục"
          placeholder="Tên thủ tục, có dấu hoặc không dấu"
          allowClear
          enterButton="Tìm"
          style={{ width: 380 }}
          onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim(), page: 1 }))}
        />
        <Select
          aria-label="Cấp thực hiện"
          placeholder="Mọi cấp thực hiện"
          allowClear
          style={{ width: 200 }}
          options={optionsOf(LEVEL_LABEL)}
          onChange={(level?: Level) => setQuery((current) => ({ ...current, level, page: 1 }))}
        />
      </Space>
      <Table<ProcedureSummary>
        rowKey="code"
        size="middle"
        loading={procedures.loading}
        columns={columns}
        dataSource={procedures.data?.items}
        locale={{ emptyText: 'Không có thủ tục nào phù hợp' }}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: procedures.data?.total,
          showSizeChanger: false,
          showTotal: (total) => `${total} thủ tục`,
          onChange: (number) => setQuery((current) => ({ ...current, page: number })),
        }}
      />
      {openCode && <ProcedureDrawer key={openCode} code={openCode} onClose={close} onChanged={procedures.reload} />}
      {creating && (
        <ProcedureForm
          onClose={() => setCreating(false)}
          onSaved={(created) => {
            setCreating(false);
            message.success(`Đã thêm thủ tục ${created.code}`);
            procedures.reload();
            open(created.code);
          }}
        />
      )}
    </Card>
  );
}
