import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { CHANNEL_LABEL, DURATION_UNIT_LABEL, LEVEL_LABEL } from '../../format';
import { AGENCY_KIND_LABEL, ONLINE_LEVEL_LABEL, optionsOf, SUPPLEMENT_MODE_LABEL } from './labels';

type Procedure = Schemas['ProcedureResponseDto'];
type Duration = Schemas['DurationDto'];
type RequiredDocument = Schemas['RequiredDocumentDto'];
type Channel = keyof Schemas['ChannelTimesDto'];

const CHANNELS: Channel[] = ['counter', 'online', 'post'];
const KEY_RULE = { pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, message: 'Chữ thường không dấu, chữ số và dấu gạch ngang' };
const UNIT_OPTIONS = optionsOf(DURATION_UNIT_LABEL);
const KIND_OPTIONS = optionsOf(AGENCY_KIND_LABEL);

/** A duration the officer may leave empty (a channel or a variant without its own legal time). */
type OptionalDuration = { amount?: number | null; unit?: Duration['unit'] };

interface VariantValues {
  key: string;
  name: string;
  legalTime?: OptionalDuration;
  documents?: RequiredDocument[];
}

type ProcedureValues = Omit<Schemas['CreateProcedureDto'], 'channelTimes' | 'variants'> & {
  channelTimes?: Partial<Record<Channel, OptionalDuration>>;
  variants: VariantValues[];
  active?: boolean;
};

const NEW_PROCEDURE: Partial<ProcedureValues> = {
  legalTime: { amount: 1, unit: 'working_days' },
  documents: [],
  fees: [],
  onlineLevel: 'partial',
  coordinatingAgencyKinds: [],
  supplementMode: 'restart',
  variants: [],
};

const filled = (duration: OptionalDuration | undefined): Duration | undefined =>
  duration && duration.amount !== undefined && duration.amount !== null && duration.unit ? { amount: duration.amount, unit: duration.unit } : undefined;

const cleanDocument = (document: RequiredDocument): RequiredDocument => ({ ...document, name: document.name.trim(), template: document.template?.trim() || undefined });

/** The request body: empty optional parts are left out, as the API reads an absent part as "none". */
function toBody(values: ProcedureValues) {
  const channelTimes = Object.fromEntries(
    CHANNELS.flatMap((channel) => {
      const duration = filled(values.channelTimes?.[channel]);
      return duration ? [[channel, duration]] : [];
    }),
  ) as Schemas['ChannelTimesDto'];
  return {
    name: values.name.trim(),
    field: values.field.trim(),
    level: values.level,
    legalTime: values.legalTime,
    channelTimes,
    documents: (values.documents ?? []).map(cleanDocument),
    fees: (values.fees ?? []).map((fee) => ({ ...fee, name: fee.name.trim() })),
    onlineLevel: values.onlineLevel,
    leadAgencyKind: values.leadAgencyKind,
    coordinatingAgencyKinds: values.coordinatingAgencyKinds ?? [],
    supplementMode: values.supplementMode,
    variants: (values.variants ?? []).map((variant) => ({
      key: variant.key,
      name: variant.name.trim(),
      legalTime: filled(variant.legalTime),
      documents: variant.documents?.length ? variant.documents.map(cleanDocument) : undefined,
    })),
  };
}

function toValues(procedure: Procedure): ProcedureValues {
  return {
    ...procedure,
    variants: procedure.variants.map((variant) => ({ ...variant, documents: variant.documents ?? [] })),
  };
}

/** Adds a procedure (its code fixed from then on) or changes one; dossiers already received keep the old terms. */
export function ProcedureForm({ procedure, onClose, onSaved }: { procedure?: Procedure; onClose(): void; onSaved(procedure: Procedure): void }) {
  const [form] = Form.useForm<ProcedureValues>();
  const { problems, setProblems, saving, run } = useFormSave(form);

  const save = (values: ProcedureValues) =>
    run(async () => {
      const body = toBody(values);
      const saved = procedure
        ? await unwrap(api.PATCH('/api/procedures/{code}', { params: { path: { code: procedure.code } }, body: { ...body, active: values.active } }))
        : await unwrap(api.POST('/api/procedures', { body: { ...body, code: values.code.trim(), channelTimes: Object.keys(body.channelTimes).length ? body.channelTimes : undefined } }));
      onSaved(saved);
    });

  return (
    <Drawer
      open
      size={1000}
      title={procedure ? `Sửa thủ tục ${procedure.code}` : 'Thêm thủ tục hành chính'}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {procedure ? 'Lưu thủ tục' : 'Thêm thủ tục'}
          </Button>
        </Space>
      }
    >
      <ProblemsAlert problems={problems} />
      <Form<ProcedureValues>
        form={form}
        layout="vertical"
        onFinish={save}
        onFinishFailed={() => setProblems(['Vui lòng kiểm tra các trường được đánh dấu.'])}
        initialValues={procedure ? toValues(procedure) : NEW_PROCEDURE}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              label="Mã thủ tục"
              name="code"
              rules={[
                { required: true, message: 'Vui lòng nhập mã thủ tục' },
                { pattern: /^\d\.\d{6}$/, message: 'Mã quốc gia dạng 1.001193' },
              ]}
            >
              <Input disabled={Boolean(procedure)} placeholder="1.001193" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              label="Tên thủ tục"
              name="name"
              rules={[
                { required: true, whitespace: true, message: 'Vui lòng nhập tên thủ tục' },
                { min: 3, message: 'Ít nhất 3 ký tự' },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Lĩnh vực" name="field" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập lĩnh vực' }]}>
              <Input placeholder="Ví dụ: Hộ tịch" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Cấp thực hiện" name="level" rules={[{ required: true, message: 'Vui lòng chọn cấp thực hiện' }]}>
              <Select options={optionsOf(LEVEL_LABEL)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Mức độ dịch vụ công trực tuyến" name="onlineLevel" rules={[{ required: true, message: 'Vui lòng chọn mức độ' }]}>
              <Select options={optionsOf(ONLINE_LEVEL_LABEL)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <DurationItem label="Thời hạn giải quyết" name={['legalTime']} required />
          </Col>
          <Col span={8}>
            <Form.Item label="Cơ quan chủ trì" name="leadAgencyKind" rules={[{ required: true, message: 'Vui lòng chọn loại cơ quan chủ trì' }]}>
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Cơ quan phối hợp" name="coordinatingAgencyKinds">
              <Select mode="multiple" options={KIND_OPTIONS} placeholder="Không có" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Khi bổ sung hồ sơ" name="supplementMode">
              <Select options={optionsOf(SUPPLEMENT_MODE_LABEL)} />
            </Form.Item>
          </Col>
          {procedure && (
            <Col span={8}>
              <Form.Item label="Đang tiếp nhận hồ sơ" name="active" valuePropName="checked" extra="Tắt để ngừng tiếp nhận hồ sơ mới của thủ tục.">
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Text strong>Thời hạn riêng theo hình thức nộp</Typography.Text>
        <Typography.Paragraph type="secondary">Để trống nếu giống thời hạn giải quyết chung.</Typography.Paragraph>
        <Row gutter={16}>
          {CHANNELS.map((channel) => (
            <Col span={8} key={channel}>
              <DurationItem label={CHANNEL_LABEL[channel]} name={['channelTimes', channel]} />
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start">Thành phần hồ sơ</Divider>
        <DocumentsEditor name={['documents']} />
        <Divider titlePlacement="start">Phí, lệ phí</Divider>
        <FeesEditor />
        <Divider titlePlacement="start">Trường hợp riêng</Divider>
        <VariantsEditor />
      </Form>
    </Drawer>
  );
}

/** An amount and its unit, errors shown under the pair; optional durations may be left empty. */
function DurationItem({ label, name, required = false }: { label: string; name: (string | number)[]; required?: boolean }) {
  return (
    <Form.Item label={label} required={required}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={[...name, 'amount']} noStyle rules={required ? [{ required: true, message: 'Vui lòng nhập thời hạn' }] : []}>
          <InputNumber aria-label={`${label}: số lượng`} min={0} max={1000} style={{ width: '45%' }} />
        </Form.Item>
        <Form.Item name={[...name, 'unit']} noStyle rules={required ? [{ required: true, message: 'Vui lòng chọn đơn vị' }] : []}>
          <Select aria-label={`${label}: đơn vị`} options={UNIT_OPTIONS} allowClear={!required} placeholder="Đơn vị" style={{ width: '55%' }} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

/** The papers of the procedure, or of one of its variants (`name` is then relative to the variant). */
function DocumentsEditor({ name }: { name: (string | number)[] }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={fields}
            locale={{ emptyText: 'Chưa có giấy tờ nào' }}
            columns={[
              {
                title: 'Mã giấy tờ',
                width: 150,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'key']} rules={[{ required: true, message: 'Bắt buộc nhập' }, KEY_RULE]} style={{ margin: 0 }}>
                    <Input aria-label={`Mã giấy tờ ${field.name + 1}`} placeholder="to-khai" />
                  </Form.Item>
                ),
              },
              {
                title: 'Tên giấy tờ',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: 'Bắt buộc nhập' }]} style={{ margin: 0 }}>
                    <Input.TextArea aria-label={`Tên giấy tờ ${field.name + 1}`} autoSize={{ minRows: 1, maxRows: 3 }} />
                  </Form.Item>
                ),
              },
              {
                title: 'Mẫu đơn, tờ khai',
                width: 160,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'template']} style={{ margin: 0 }}>
                    <Input aria-label={`Mẫu của giấy tờ ${field.name + 1}`} />
                  </Form.Item>
                ),
              },
              {
                title: 'Bản chính',
                width: 90,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'originals']} rules={[{ required: true, message: 'Bắt buộc' }]} style={{ margin: 0 }}>
                    <InputNumber aria-label={`Số bản chính ${field.name + 1}`} min={0} max={20} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: 'Bản sao',
                width: 90,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'copies']} rules={[{ required: true, message: 'Bắt buộc' }]} style={{ margin: 0 }}>
                    <InputNumber aria-label={`Số bản sao ${field.name + 1}`} min={0} max={20} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: 'Bắt buộc',
                width: 80,
                align: 'center',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'mandatory']} valuePropName="checked" style={{ margin: 0 }}>
                    <Checkbox aria-label={`Giấy tờ ${field.name + 1} bắt buộc`} />
                  </Form.Item>
                ),
              },
              { width: 48, render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ giấy tờ ${field.name + 1}`} onClick={() => remove(field.name)} /> },
            ]}
          />
          <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ key: '', name: '', originals: 1, copies: 0, mandatory: true })}>
            Thêm giấy tờ
          </Button>
        </>
      )}
    </Form.List>
  );
}

function FeesEditor() {
  return (
    <Form.List name="fees">
      {(fields, { add, remove }) => (
        <>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={fields}
            locale={{ emptyText: 'Không thu phí, lệ phí' }}
            columns={[
              {
                title: 'Tên khoản phí, lệ phí',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: 'Bắt buộc nhập' }]} style={{ margin: 0 }}>
                    <Input aria-label={`Tên khoản phí ${field.name + 1}`} />
                  </Form.Item>
                ),
              },
              {
                title: 'Mức thu (đồng)',
                width: 200,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'amount']} rules={[{ required: true, message: 'Bắt buộc nhập' }]} style={{ margin: 0 }}>
                    <InputNumber<number>
                      aria-label={`Mức thu ${field.name + 1}`}
                      min={0}
                      max={1_000_000_000}
                      precision={0}
                      formatter={(value) => (value === undefined || value === null ? '' : Number(value).toLocaleString('vi-VN'))}
                      parser={(text) => Number((text ?? '').replace(/\D/g, ''))}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                ),
              },
              { width: 48, render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ khoản phí ${field.name + 1}`} onClick={() => remove(field.name)} /> },
            ]}
          />
          <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ name: '', amount: 0 })}>
            Thêm khoản phí
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Cases with their own papers or legal time (e.g. a birth registered together with paternity). */
function VariantsEditor() {
  return (
    <Form.List name="variants">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && <Typography.Text type="secondary">Thủ tục không có trường hợp riêng.</Typography.Text>}
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              title={`Trường hợp ${field.name + 1}`}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  Bỏ trường hợp
                </Button>
              }
            >
              <Row gutter={16}>
                <Col span={6}>
                  <Form.Item label="Mã trường hợp" name={[field.name, 'key']} rules={[{ required: true, message: 'Bắt buộc nhập' }, KEY_RULE]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="Tên trường hợp" name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: 'Bắt buộc nhập' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <DurationItem label="Thời hạn riêng" name={[field.name, 'legalTime']} />
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                Thành phần hồ sơ riêng (để trống nếu dùng thành phần hồ sơ chung):
              </Typography.Paragraph>
              <DocumentsEditor name={[field.name, 'documents']} />
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', legalTime: { unit: 'working_days' }, documents: [] })}>
            Thêm trường hợp
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
