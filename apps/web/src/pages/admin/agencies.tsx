import { EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useApi, useErrorMessage } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { foldedFilter, LEVEL_LABEL } from '../../format';
import { AGENCY_KIND_LABEL, type AgencyKind, optionsOf } from './labels';
import { SigningKeyModal } from './signing-key';
import { type Agency, useAgencies } from './use-agencies';

const PAGE_SIZE = 20;
const KIND_OPTIONS = optionsOf(AGENCY_KIND_LABEL);

interface AgencyQuery {
  search?: string;
  kind?: AgencyKind;
  page: number;
}

/** Cơ quan, đơn vị: the agencies of the administrator's scope, added and changed in a form. */
export function AgenciesPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState<AgencyQuery>({ page: 1 });
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [signing, setSigning] = useState<Agency | null>(null);
  // Every agency, to name parents and to pick one as a parent.
  const all = useAgencies();
  const listed = useApi(
    JSON.stringify(query),
    () => {
      const { search, kind, page: number } = query;
      return unwrap(api.GET('/api/agencies', { params: { query: { search: search || undefined, kind, limit: PAGE_SIZE, offset: (number - 1) * PAGE_SIZE } } }));
    },
    { keepPrevious: true },
  );
  useErrorMessage(listed.error);

  const columns: ColumnsType<Agency> = [
    { title: 'Mã định danh', dataIndex: 'code', width: 150 },
    { title: 'Tên cơ quan', dataIndex: 'name' },
    { title: 'Loại cơ quan', dataIndex: 'kind', render: (kind: AgencyKind) => AGENCY_KIND_LABEL[kind] },
    { title: 'Cấp', key: 'level', width: 110, render: (_, agency) => LEVEL_LABEL[agency.unit.level] },
    { title: 'Địa bàn', key: 'unit', render: (_, agency) => agency.unit.name },
    { title: 'Cơ quan cấp trên', dataIndex: 'parentCode', render: (code: string | null) => (code ? all.nameOf(code) : '—') },
    { title: 'Trạng thái', dataIndex: 'active', width: 130, render: (active: boolean) => (active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Ngừng hoạt động</Tag>) },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 200,
      render: (_, agency) => (
        <Space size="small">
          <Button size="small" icon={<EditOutlined />} aria-label={`Sửa ${agency.name}`} onClick={() => setEditing(agency)}>
            Sửa
          </Button>
          <Button size="small" icon={<SafetyCertificateOutlined />} aria-label={`Chữ ký số của ${agency.name}`} onClick={() => setSigning(agency)}>
            Chữ ký số
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="Cơ quan, đơn vị"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          Thêm cơ quan
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="Tìm cơ quan"
          placeholder="Tên hoặc mã định danh"
          allowClear
          style={{ width: 320 }}
          onSearch={(search) => setQuery((current) => ({ ...current, search: search.trim(), page: 1 }))}
        />
        <Select
          aria-label="Loại cơ quan"
          placeholder="Tất cả loại cơ quan"
          allowClear
          style={{ width: 260 }}
          options={KIND_OPTIONS}
          value={query.kind}
          onChange={(kind?: AgencyKind) => setQuery((current) => ({ ...current, kind, page: 1 }))}
        />
      </Space>
      <Table<Agency>
        rowKey="code"
        size="middle"
        loading={listed.loading}
        columns={columns}
        dataSource={listed.data?.items}
        locale={{ emptyText: 'Không có cơ quan nào phù hợp' }}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: listed.data?.total,
          showSizeChanger: false,
          showTotal: (total) => `${total} cơ quan`,
          onChange: (number) => setQuery((current) => ({ ...current, page: number })),
        }}
      />
      {editing && (
        <AgencyForm
          agency={editing === 'new' ? undefined : editing}
          parents={all.options.filter((option) => editing === 'new' || option.value !== editing.code)}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            message.success(editing === 'new' ? `Đã thêm cơ quan ${saved.name}` : `Đã lưu cơ quan ${saved.name}`);
            listed.reload();
            all.reload();
          }}
        />
      )}
      {signing && <SigningKeyModal agency={signing} onClose={() => setSigning(null)} onInstalled={() => message.success(`Đã cài đặt chứng thư số cho ${signing.name}`)} />}
    </Card>
  );
}

interface AgencyValues {
  code: string;
  name: string;
  kind: AgencyKind;
  unitId: string;
  parentCode?: string | null;
  active: boolean;
}

/** Adds an agency (code and unit are fixed once created) or changes one. */
function AgencyForm({ agency, parents, onClose, onSaved }: { agency?: Agency; parents: { value: string; label: string }[]; onClose(): void; onSaved(agency: Agency): void }) {
  const [form] = Form.useForm<AgencyValues>();
  const { problems, saving, run } = useFormSave(form);
  const units = useUnitOptions(!agency);

  const save = (values: AgencyValues) =>
    run(async () => {
      const parentCode = values.parentCode ?? null;
      const saved = agency
        ? await unwrap(api.PATCH('/api/agencies/{code}', { params: { path: { code: agency.code } }, body: { name: values.name.trim(), kind: values.kind, parentCode, active: values.active } }))
        : await unwrap(api.POST('/api/agencies', { body: { code: values.code.trim(), name: values.name.trim(), kind: values.kind, unitId: values.unitId, parentCode } }));
      onSaved(saved);
    });

  return (
    <Modal
      open
      title={agency ? `Sửa cơ quan ${agency.code}` : 'Thêm cơ quan'}
      okText={agency ? 'Lưu' : 'Thêm cơ quan'}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <ProblemsAlert problems={problems} />
      <Form<AgencyValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={agency ? { name: agency.name, kind: agency.kind, parentCode: agency.parentCode, active: agency.active } : { active: true }}
      >
        {agency ? (
          <Typography.Paragraph type="secondary">
            Địa bàn: {agency.unit.name} ({LEVEL_LABEL[agency.unit.level].toLowerCase()})
          </Typography.Paragraph>
        ) : (
          <>
            <Form.Item label="Mã định danh" name="code" extra="Theo mã định danh điện tử, ví dụ 000.00.12.H56" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã định danh' }]}>
              <Input />
            </Form.Item>
            <Form.Item label="Địa bàn" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị hành chính' }]}>
              <Select showSearch={{ filterOption: foldedFilter }} loading={units.loading} options={units.options} placeholder="Tỉnh, huyện hoặc xã nơi cơ quan đặt trụ sở" />
            </Form.Item>
          </>
        )}
        <Form.Item label="Tên cơ quan" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên cơ quan' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Loại cơ quan" name="kind" rules={[{ required: true, message: 'Vui lòng chọn loại cơ quan' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item label="Cơ quan cấp trên" name="parentCode">
          <Select showSearch={{ filterOption: foldedFilter }} allowClear options={parents} placeholder="Không có" />
        </Form.Item>
        {agency && (
          <Form.Item label="Đang hoạt động" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The administrative units in force, named with their district so that two "Phường 1" stay apart. */
function useUnitOptions(wanted: boolean) {
  const { data: units, loading, error } = useApi(wanted ? 'units' : null, async () => (await unwrap(api.GET('/api/units', { params: { query: { limit: 500 } } }))).items);
  useErrorMessage(error);

  const options = useMemo(() => {
    if (!units) return [];
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    return units.map((unit) => {
      const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
      return { value: unit.id, label: parent && unit.level === 'commune' ? `${unit.name}, ${parent.name}` : unit.name };
    });
  }, [units]);
  return { options, loading };
}
