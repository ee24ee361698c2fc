import { CheckOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Flex, Form, Input, Radio, Result, Row, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime, ZONE } from '../../format';
import { useSession } from '../../session';
import { DossierFiles } from '../dossier/files';
import { RESULT_LABEL } from '../dossier/labels';
import { usePrintSlip } from '../dossier/slips';
import { ChannelTag, type Dossier, DossierDetails, ReceivedDocuments } from './dossier-details';
import { useDossierList } from './dossier-list';

type Summary = Schemas['DossierSummaryDto'];
type ReturnMethod = Schemas['ReturnDossierDto']['method'];

const PAGE_SIZE = 20;
/** `{agency e-ID}-{yyMMdd}-{NNNN}`: a whole code opens the dossier whatever its status. */
const DOSSIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;

const METHODS: { value: ReturnMethod; label: string }[] = [
  { value: 'counter', label: 'Nhận trực tiếp tại Bộ phận Một cửa' },
  { value: 'post', label: 'Gửi qua dịch vụ bưu chính' },
  { value: 'online', label: 'Trả kết quả trực tuyến' },
];

interface HandOverValues {
  method: ReturnMethod;
  receiverName?: string;
  receiverIdNumber?: string;
  note?: string;
}

/** Early (resolved before the appointment's day), on time, or late, as the API classifies it; undefined before a result. */
function timeliness(dossier: Dossier): 'early' | 'on_time' | 'late' | undefined {
  if (!dossier.resolvedAt || !dossier.dueAt) return undefined;
  if (dayjs(dossier.resolvedAt).isAfter(dayjs(dossier.dueAt))) return 'late';
  const day = (iso: string) => dayjs(iso).tz(ZONE).format('YYYY-MM-DD');
  return day(dossier.resolvedAt) < day(dossier.dueAt) ? 'early' : 'on_time';
}

/** ReturnDossierDto has only a note: who collected the result is written into it, for the register. */
function handOverNote(values: HandOverValues): string | undefined {
  const receiver = values.method === 'online' ? '' : [values.receiverName?.trim(), values.receiverIdNumber?.trim() && `CCCD ${values.receiverIdNumber.trim()}`].filter(Boolean).join(', ');
  return [receiver && `Người nhận: ${receiver}`, values.note?.trim()].filter(Boolean).join('. ') || undefined;
}

function ResultFacts({ dossier }: { dossier: Dossier }) {
  const verdict = timeliness(dossier);
  // A processor's opinion on their step, not the result itself: said as such, with who wrote it.
  const lastNote = dossier.history?.filter((entry) => entry.note && entry.action === 'complete-step').at(-1);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        { key: 'resolved', label: 'Có kết quả lúc', children: dossier.resolvedAt ? formatDateTime(dossier.resolvedAt) : '—' },
        ...(verdict ? [{ key: 'timeliness', label: 'So với ngày hẹn', children: <Tag color={RESULT_LABEL[verdict].color}>{RESULT_LABEL[verdict].text}</Tag> }] : []),
        ...(lastNote
          ? [
              {
                key: 'note',
                label: 'Ý kiến xử lý gần nhất',
                children: (
                  <>
                    {lastNote.note}
                    <Typography.Text type="secondary">{` — ${lastNote.actorName ?? 'Hệ thống'}, ${formatDateTime(lastNote.at)}`}</Typography.Text>
                  </>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function HandOverForm({ dossier, onDone }: { dossier: Dossier; onDone: (dossier: Dossier) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<HandOverValues>();
  const { problems, run } = useFormSave(form);
  const method = (Form.useWatch('method', form) as ReturnMethod | undefined) ?? 'counter';

  const send = (values: HandOverValues) =>
    run(async () => {
      const body = { method: values.method, note: handOverNote(values) };
      onDone(await unwrap(api.POST('/api/dossiers/{code}/return', { params: { path: { code: dossier.code } }, body })));
    });

  const confirm = (values: HandOverValues) =>
    modal.confirm({
      title: 'Xác nhận đã trả kết quả?',
      content: `Hồ sơ ${dossier.code} được ghi nhận đã trả kết quả và kết thúc. Không thể hoàn tác thao tác này.`,
      okText: 'Xác nhận trả kết quả',
      cancelText: 'Quay lại',
      onOk: () => send(values),
    });

  return (
    <Form<HandOverValues>
      form={form}
      layout="vertical"
      initialValues={{ method: dossier.channel === 'post' ? 'post' : 'counter', receiverName: dossier.proxy?.fullName ?? dossier.applicant.fullName }}
      onFinish={confirm}
    >
      <Card size="small" title="Ghi nhận trả kết quả">
        <Form.Item name="method" label="Hình thức trả kết quả">
          <Radio.Group options={METHODS} />
        </Form.Item>
        {method !== 'online' && (
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item
                name="receiverName"
                label={method === 'post' ? 'Người nhận bưu phẩm' : 'Người nhận kết quả'}
                rules={[
                  { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên người nhận' },
                  { max: 200, message: 'Không được quá 200 ký tự' },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="receiverIdNumber" label="Số CCCD người nhận" rules={[{ pattern: /^\d{12}$/, message: 'Số CCCD phải gồm đúng 12 chữ số' }]}>
                <Input inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 1500, message: 'Không được quá 1500 ký tự' }]}>
          <Input.TextArea rows={2} placeholder={method === 'post' ? 'Ví dụ: Số vận đơn bưu chính' : 'Ví dụ: Đã trả kèm bản chính giấy tờ'} />
        </Form.Item>
        <ProblemsAlert problems={problems} title="Chưa ghi nhận được" />
        <Button type="primary" htmlType="submit" icon={<CheckOutlined />}>
          Xác nhận trả kết quả
        </Button>
      </Card>
    </Form>
  );
}

/** One dossier at the return desk: what is to be handed over, the hand-over, its confirmation. */
function HandOver({ code, onClose }: { code: string; onClose: () => void }) {
  const printSlip = usePrintSlip();
  const loaded = useApi(code, () => unwrap(api.GET('/api/dossiers/{code}', { params: { path: { code } } })));
  const dossier = loaded.data;
  const [returned, setReturned] = useState(false);

  if (loaded.error !== undefined) return <Result status="error" title="Không mở được hồ sơ" subTitle={errorText(loaded.error)} />;
  if (!dossier) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (returned) {
    return (
      <Result
        status="success"
        title="Đã trả kết quả cho công dân"
        subTitle={`Mã hồ sơ ${dossier.code} · trả lúc ${formatDateTime(dossier.returnedAt)}`}
        extra={[
          <Button key="bm05" icon={<PrinterOutlined />} onClick={() => printSlip(dossier.code, 'BM.05')}>
            In phiếu kiểm soát quá trình (BM.05)
          </Button>,
          <Button key="back" type="primary" onClick={onClose}>
            Về danh sách
          </Button>,
        ]}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: 'Trạng thái', children: <StatusTag status={dossier.status} label={dossier.statusLabel} /> },
            { key: 'method', label: 'Hình thức trả', children: METHODS.find((method) => method.value === dossier.returnMethod)?.label ?? dossier.returnMethod },
          ]}
        />
      </Result>
    );
  }
  return (
    <Flex vertical gap={16}>
      <DossierDetails dossier={dossier} />
      <Card size="small" title="Kết quả giải quyết">
        <Flex vertical gap={12}>
          <ResultFacts dossier={dossier} />
          <DossierFiles dossier={dossier} kinds={[]} />
        </Flex>
      </Card>
      <Card size="small" title="Giấy tờ đã tiếp nhận của công dân">
        <ReceivedDocuments dossier={dossier} />
      </Card>
      {dossier.status === 'RESOLVED' ? (
        <HandOverForm
          dossier={dossier}
          onDone={(updated) => {
            loaded.setData(updated);
            setReturned(true);
          }}
        />
      ) : (
        <Alert
          type={dossier.status === 'RETURNED' ? 'success' : 'warning'}
          showIcon
          title={dossier.status === 'RETURNED' ? `Hồ sơ đã trả kết quả lúc ${formatDateTime(dossier.returnedAt)}.` : `Hồ sơ chưa có kết quả để trả (trạng thái: ${dossier.statusLabel}).`}
        />
      )}
    </Flex>
  );
}

/** Results ready for the citizen, soonest appointment first; a whole dossier code opens that dossier directly. */
export function ReturnDeskPage() {
  const { user } = useSession();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<string | null>(null);
  const agencyCode = user?.agencyCode ?? '';
  // Without a search, the agency's own results: only its counter may hand them over, and their codes start with its code.
  const list = useDossierList({ status: 'RESOLVED', agency: agencyCode, q: search || undefined, sort: 'dueAt', order: 'asc', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  function find(text: string) {
    const wanted = text.trim();
    if (DOSSIER_CODE.test(wanted)) setOpened(wanted);
    else {
      setSearch(wanted);
      setPage(1);
    }
  }

  function close() {
    setOpened(null);
    list.reload();
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Trả kết quả
        </Typography.Title>
        <Typography.Text type="secondary">Hồ sơ đã có kết quả, chờ trả cho công dân, tổ chức; hồ sơ có ngày hẹn sớm nhất ở đầu danh sách.</Typography.Text>
      </div>
      <Card>
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Input.Search aria-label="Tìm hồ sơ" placeholder="Nhập mã hồ sơ hoặc tên người nộp" enterButton="Tìm" allowClear onSearch={find} style={{ maxWidth: 520 }} />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            Làm mới
          </Button>
        </Flex>
        {list.error !== undefined && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`Không tải được danh sách hồ sơ. ${errorText(list.error)}`} />}
        <Table<Summary>
          rowKey="code"
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: search ? 'Không có hồ sơ chờ trả kết quả phù hợp' : 'Không có hồ sơ nào chờ trả kết quả' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
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
            { title: 'Thủ tục', dataIndex: 'procedureName' },
            { title: 'Người nộp', dataIndex: 'applicantName', width: 180 },
            { title: 'Hẹn trả', dataIndex: 'dueAt', width: 150, render: (dueAt: string | null) => formatDateTime(dueAt) },
            {
              title: 'Thao tác',
              width: 130,
              render: (_, dossier) => (
                <Button type="primary" ghost onClick={() => setOpened(dossier.code)} aria-label={`Trả kết quả hồ sơ ${dossier.code}`}>
                  Trả kết quả
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer open={opened !== null} title={opened ? `Trả kết quả hồ sơ ${opened}` : ''} size={900} destroyOnHidden onClose={close}>
        {opened && <HandOver key={opened} code={opened} onClose={close} />}
      </Drawer>
    </Flex>
  );
}
