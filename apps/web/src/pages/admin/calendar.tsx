import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, Popconfirm, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type Schemas, unwrap } from '../../api/client';
import { useApi, useErrorMessage } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { today } from '../../format';
import { dayText } from './labels';
import { YearView } from './year-view';

type CalendarYear = Schemas['CalendarYearDto'];
type NonWorkingDay = Schemas['NonWorkingDayDto'];
type OverrideKind = Schemas['CalendarOverrideDto']['kind'];

const DAY_OFF_LABEL: Record<NonWorkingDay['kind'], { text: string; color: string }> = {
  holiday: { text: 'Nghỉ lễ, Tết', color: 'red' },
  compensatory: { text: 'Nghỉ bù', color: 'volcano' },
  override: { text: 'Nghỉ theo điều chỉnh', color: 'orange' },
  weekend: { text: 'Cuối tuần', color: 'default' },
};

const OVERRIDE_KIND_OPTIONS: { value: OverrideKind; label: string }[] = [
  { value: 'day_off', label: 'Ngày nghỉ' },
  { value: 'working_day', label: 'Ngày làm việc (làm bù)' },
];

/** Lịch làm việc: the year's days off and make-up working days, and the administrator's overrides of them. */
export function CalendarPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || Number(today().slice(0, 4));
  const loaded = useApi(String(year), () => unwrap(api.GET('/api/calendar/{year}', { params: { path: { year } } })), { keepPrevious: true });
  useErrorMessage(loaded.error);
  const { loading } = loaded;
  // A year that failed to load shows no calendar, rather than the year shown before.
  const calendar = loaded.error === undefined ? loaded.data : undefined;

  const daysOff = calendar?.nonWorkingDays.filter((day) => day.kind !== 'weekend') ?? [];
  const daysInYear = dayjs(`${year + 1}-01-01`).diff(dayjs(`${year}-01-01`), 'day');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="Lịch làm việc"
        extra={
          <Space>
            <Typography.Text>Năm</Typography.Text>
            <DatePicker
              picker="year"
              aria-label="Năm"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              minDate={dayjs('2000-01-01')}
              maxDate={dayjs('2100-12-31')}
              onChange={(value: Dayjs | null) => value && setParams({ nam: String(value.year()) })}
            />
          </Space>
        }
      >
        <Spin spinning={loading}>
          {calendar ? (
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8}>
                <Statistic title="Ngày làm việc trong năm" value={daysInYear - calendar.nonWorkingDays.length} />
              </Col>
              <Col xs={24} md={8}>
                <Statistic title="Ngày nghỉ lễ, Tết, nghỉ bù (không tính cuối tuần)" value={daysOff.filter((day) => ![0, 6].includes(dayjs(day.date).day())).length} />
              </Col>
              <Col xs={24} md={8}>
                <Statistic title="Ngày làm việc bù vào cuối tuần" value={calendar.makeUpWorkingDays.length} />
              </Col>
            </Row>
          ) : (
            !loading && <Empty description="Không tải được lịch của năm" />
          )}
        </Spin>
      </Card>
      {calendar && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={`Ngày nghỉ lễ, Tết năm ${year}`} size="small">
                <Table<NonWorkingDay>
                  rowKey="date"
                  size="small"
                  pagination={false}
                  dataSource={daysOff}
                  locale={{ emptyText: 'Không có ngày nghỉ lễ' }}
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', width: 210, render: dayText },
                    { title: 'Loại', dataIndex: 'kind', width: 170, render: (kind: NonWorkingDay['kind']) => <Tag color={DAY_OFF_LABEL[kind].color}>{DAY_OFF_LABEL[kind].text}</Tag> },
                    { title: 'Lý do', dataIndex: 'label' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title="Ngày làm việc bù" size="small">
                <Table<Schemas['MakeUpWorkingDayDto']>
                  rowKey="date"
                  size="small"
                  pagination={false}
                  dataSource={calendar.makeUpWorkingDays}
                  locale={{ emptyText: 'Không có ngày làm bù' }}
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', width: 210, render: dayText },
                    { title: 'Lý do', dataIndex: 'label' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <OverridesEditor
            year={year}
            overrides={calendar.overrides}
            onSaved={(saved) => {
              loaded.setData(saved);
              message.success(`Đã lưu điều chỉnh lịch năm ${year}`);
            }}
          />
          <Card title={`Lịch năm ${year}`} size="small">
            <YearView calendar={calendar} />
          </Card>
        </>
      )}
    </Space>
  );
}

interface OverrideRow {
  date?: Dayjs;
  kind: OverrideKind;
  reason: string;
}

/** The administrator's overrides of the year, edited as rows and saved together (the API replaces the year's list). */
function OverridesEditor({ year, overrides, onSaved }: { year: number; overrides: Schemas['CalendarOverrideDto'][]; onSaved(calendar: CalendarYear): void }) {
  const [form] = Form.useForm<{ overrides: OverrideRow[] }>();
  const { problems, saving, run } = useFormSave(form);

  useEffect(() => {
    form.setFieldsValue({ overrides: overrides.map((override) => ({ ...override, date: dayjs(override.date) })) });
  }, [form, overrides]);

  async function save() {
    let rows: OverrideRow[];
    try {
      rows = (await form.validateFields()).overrides ?? [];
    } catch {
      return;
    }
    await run(async () => {
      const body = { overrides: rows.map((row) => ({ date: row.date!.format('YYYY-MM-DD'), kind: row.kind, reason: row.reason.trim() })) };
      onSaved(await unwrap(api.PUT('/api/calendar/{year}/overrides', { params: { path: { year } }, body })));
    });
  }

  const outsideYear = (date: Dayjs) => date.year() !== year;

  return (
    <Card
      title="Điều chỉnh lịch của năm"
      size="small"
      extra={
        <Popconfirm title={`Lưu điều chỉnh lịch năm ${year}?`} description="Hồ sơ tiếp nhận từ nay sẽ tính thời hạn theo lịch mới." okText="Lưu" cancelText="Hủy" onConfirm={save}>
          <Button type="primary" icon={<SaveOutlined />} loading={saving}>
            Lưu điều chỉnh
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">
        Thêm ngày nghỉ theo quyết định của cơ quan có thẩm quyền, hoặc ngày cuối tuần phải đi làm bù. Ngày nghỉ lễ, Tết theo quy định đã được tính sẵn.
      </Typography.Paragraph>
      <ProblemsAlert problems={problems} />
      <Form form={form} component={false}>
        <Form.List name="overrides">
          {(fields, { add, remove }) => (
            <>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={fields}
                locale={{ emptyText: 'Chưa có điều chỉnh nào cho năm này' }}
                columns={[
                  {
                    title: 'Ngày',
                    width: 220,
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: 'Chọn ngày' }]} style={{ margin: 0 }}>
                        <DatePicker
                          aria-label={`Ngày điều chỉnh ${field.name + 1}`}
                          format="DD/MM/YYYY"
                          disabledDate={outsideYear}
                          defaultPickerValue={dayjs(`${year}-01-01`)}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Loại',
                    width: 230,
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'kind']} style={{ margin: 0 }}>
                        <Select aria-label={`Loại điều chỉnh ${field.name + 1}`} options={OVERRIDE_KIND_OPTIONS} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Lý do',
                    render: (_, field) => (
                      <Form.Item
                        name={[field.name, 'reason']}
                        rules={[
                          { required: true, whitespace: true, message: 'Nhập lý do' },
                          { max: 300, message: 'Không được quá 300 ký tự' },
                        ]}
                        style={{ margin: 0 }}
                      >
                        <Input aria-label={`Lý do điều chỉnh ${field.name + 1}`} placeholder="Ví dụ: Nghỉ lễ 30/4 – 1/5 (hoán đổi)" />
                      </Form.Item>
                    ),
                  },
                  {
                    width: 60,
                    render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ điều chỉnh ${field.name + 1}`} onClick={() => remove(field.name)} />,
                  },
                ]}
              />
              <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => add({ kind: 'day_off', reason: '' })}>
                Thêm ngày điều chỉnh
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
