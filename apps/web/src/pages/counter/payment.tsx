import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { formatDateTime, money, ZONE } from '../../format';
import type { Procedure } from './catalog';
import type { Dossier } from './dossier-details';

interface PaymentValues {
  amount: number;
  receiptNumber: string;
  paidOn: Dayjs;
  note?: string;
}

/** PaymentDto has only a note: what was paid, and the receipt that proves it, are written into it for the record. */
function paymentNote(values: PaymentValues): string {
  const paid = `Đã nộp ${money(values.amount)} theo biên lai, chứng từ số ${values.receiptNumber.trim()} ngày ${values.paidOn.format('DD/MM/YYYY')}`;
  return [paid, values.note?.trim()].filter(Boolean).join('. ');
}

/** The name of the workflow step that asked for the payment (the tax office's, usually). */
function stepName(procedure: Procedure, key: unknown): string | undefined {
  return procedure.workflows.flatMap((workflow) => workflow.steps).find((step) => step.key === key)?.name;
}

/** What the processor asked the citizen to pay: their notice, and the fees the procedure lists. */
function PaymentRequest({ dossier, procedure }: { dossier: Dossier; procedure: Procedure }) {
  const request = dossier.history?.filter((entry) => entry.action === 'request-payment').at(-1);
  const step = request && stepName(procedure, request.details?.step);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        ...(request
          ? [
              { key: 'by', label: 'Yêu cầu bởi', children: `${request.actorName ?? 'Hệ thống'}${step ? ` – ${step}` : ''}` },
              { key: 'at', label: 'Thời điểm yêu cầu', children: formatDateTime(request.at) },
            ]
          : []),
        {
          key: 'note',
          label: 'Nội dung yêu cầu',
          children: request?.note || <Typography.Text type="secondary">Không ghi nội dung; đối chiếu thông báo nộp thuế, phí công dân xuất trình.</Typography.Text>,
        },
        {
          key: 'fees',
          label: 'Phí, lệ phí theo quy định',
          children: procedure.fees.length ? procedure.fees.map((fee) => <div key={fee.name}>{`${fee.name}: ${money(fee.amount)}`}</div>) : 'Thủ tục không quy định phí, lệ phí',
        },
      ]}
    />
  );
}

/** The citizen paid the taxes and fees asked for: the receipt is recorded and the dossier goes back to processing. */
export function PaymentForm({ dossier, procedure, onDone }: { dossier: Dossier; procedure: Procedure; onDone: (dossier: Dossier) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const { problems, saving, run } = useFormSave(form);

  const send = (values: PaymentValues) =>
    run(async () => {
      onDone(await unwrap(api.POST('/api/dossiers/{code}/payment', { params: { path: { code: dossier.code } }, body: { note: paymentNote(values) } })));
    });

  const confirm = (values: PaymentValues) =>
    modal.confirm({
      title: 'Xác nhận công dân đã nộp thuế, phí?',
      content: `${paymentNote(values)}. Hồ sơ ${dossier.code} được chuyển tiếp tục giải quyết và thời hạn giải quyết được tính tiếp. Không thể hoàn tác thao tác này.`,
      okText: 'Ghi nhận đã nộp',
      cancelText: 'Quay lại',
      onOk: () => send(values),
    });

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="Nghĩa vụ tài chính đã yêu cầu">
        <PaymentRequest dossier={dossier} procedure={procedure} />
      </Card>
      <Form<PaymentValues> form={form} layout="vertical" initialValues={{ paidOn: dayjs().tz(ZONE) }} onFinish={confirm}>
        <Card size="small" title="Ghi nhận công dân đã nộp thuế, phí">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="amount" label="Số tiền đã nộp (đồng)" rules={[{ required: true, message: 'Vui lòng nhập số tiền đã nộp' }]}>
                <InputNumber<number>
                  min={1}
                  max={100_000_000_000}
                  precision={0}
                  formatter={(value) => (value === undefined ? '' : Number(value).toLocaleString('vi-VN'))}
                  parser={(text) => Number((text ?? '').replace(/\D/g, ''))}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="receiptNumber"
                label="Số biên lai, chứng từ nộp tiền"
                rules={[
                  { required: true, whitespace: true, message: 'Vui lòng nhập số biên lai hoặc chứng từ' },
                  { max: 100, message: 'Không được quá 100 ký tự' },
                ]}
              >
                <Input autoComplete="off" placeholder="Ví dụ: 0012345" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="paidOn" label="Ngày nộp" rules={[{ required: true, message: 'Vui lòng chọn ngày nộp' }]}>
                <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={(date) => date.isAfter(dayjs().tz(ZONE), 'day')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="note" label="Ghi chú" rules={[{ max: 1500, message: 'Không được quá 1500 ký tự' }]}>
            <Input.TextArea rows={2} placeholder="Ví dụ: Nộp tại Kho bạc Nhà nước Nha Trang" />
          </Form.Item>
          <ProblemsAlert problems={problems} title="Chưa ghi nhận được" />
          <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={saving}>
            Ghi nhận đã nộp thuế, phí
          </Button>
        </Card>
      </Form>
    </Flex>
  );
}
