import { CheckOutlined, CloseOutlined, DeleteOutlined, FileSearchOutlined, InboxOutlined, PlusOutlined, PrinterOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, type FormInstance, Input, Radio, Result, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../api/errors';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../format';
import { usePrintSlip } from '../dossier/slips';
import { DossierFiles } from '../dossier/files';
import { ChannelTag, type Dossier } from './dossier-details';

type SupplementItem = Schemas['SupplementItemDto'];
type DecisionAction = Schemas['DecisionDto']['action'];

/** The decision as the form holds it (form fields `action`, `reason`, `items`, under a prefix). */
export interface DecisionValues {
  action: DecisionAction;
  reason?: string;
  items?: SupplementItem[];
}

const SUBMIT: Record<DecisionAction, { label: string; icon: ReactNode }> = {
  accept: { label: 'Tiếp nhận hồ sơ', icon: <CheckOutlined /> },
  'request-supplement': { label: 'Gửi yêu cầu bổ sung', icon: <SendOutlined /> },
  refuse: { label: 'Từ chối tiếp nhận', icon: <CloseOutlined /> },
};

const CONFIRM: Record<DecisionAction, { title: string; content: string }> = {
  accept: {
    title: 'Tiếp nhận hồ sơ?',
    content: 'Hồ sơ được cấp mã, tính ngày hẹn trả kết quả và chuyển giải quyết. Không thể hoàn tác thao tác này.',
  },
  'request-supplement': {
    title: 'Gửi yêu cầu bổ sung hồ sơ?',
    content: 'Hồ sơ chưa được tiếp nhận; công dân nhận Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (BM.02) ghi đủ các nội dung cần bổ sung.',
  },
  refuse: {
    title: 'Từ chối tiếp nhận hồ sơ?',
    content: 'Công dân nhận Phiếu từ chối tiếp nhận (BM.03) ghi rõ lý do. Không thể hoàn tác thao tác này.',
  },
};

/** The decision with its text fields trimmed, as DecisionDto takes it. */
export function decisionBody({ action, reason, items }: DecisionValues): Schemas['DecisionDto'] {
  if (action === 'refuse') return { action, reason: reason?.trim() };
  if (action === 'request-supplement') {
    return { action, items: (items ?? []).map((item) => ({ documentKey: item.documentKey || undefined, what: item.what.trim(), why: item.why.trim() })) };
  }
  return { action };
}

/** Asks before an irreversible decision; `send` runs on OK and must not throw. */
export function confirmDecision(modal: ReturnType<typeof App.useApp>['modal'], action: DecisionAction, send: () => Promise<void>): void {
  modal.confirm({
    ...CONFIRM[action],
    okText: SUBMIT[action].label,
    cancelText: 'Quay lại',
    okButtonProps: { danger: action === 'refuse' },
    onOk: send,
  });
}

/**
 * An API refusal of a decision: problems the form can show go next to their fields, the rest
 * (missing papers, state conflicts) are returned for an Alert above the form.
 */
export function decisionErrors(form: FormInstance, error: unknown): string[] {
  const missing = error instanceof ApiError ? error.details.missingDocuments : undefined;
  if (Array.isArray(missing)) {
    return [`Còn thiếu giấy tờ bắt buộc: ${missing.map((document: { name: string }) => document.name).join('; ')}. Hãy yêu cầu bổ sung.`];
  }
  return showFieldErrors(form, error);
}

function SupplementItems({ prefix, suggested }: { prefix: (string | number)[]; suggested: SupplementItem[] }) {
  const form = Form.useFormInstance();
  return (
    <Form.List
      name={[...prefix, 'items']}
      rules={[{ validator: async (_, items?: unknown[]) => (items?.length ? undefined : Promise.reject(new Error('Vui lòng nêu ít nhất một nội dung cần bổ sung'))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Typography.Paragraph type="secondary">Nêu đầy đủ, một lần, mọi giấy tờ công dân cần bổ sung và lý do.</Typography.Paragraph>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top">
              <Form.Item name={[field.name, 'documentKey']} hidden>
                <Input />
              </Form.Item>
              <Col flex="1 1 40%">
                <Form.Item
                  name={[field.name, 'what']}
                  rules={[
                    { required: true, whitespace: true, message: 'Vui lòng nêu giấy tờ cần bổ sung' },
                    { max: 500, message: 'Không được quá 500 ký tự' },
                  ]}
                >
                  <Input placeholder="Giấy tờ cần bổ sung" aria-label={`Nội dung bổ sung ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col flex="1 1 40%">
                <Form.Item
                  name={[field.name, 'why']}
                  rules={[
                    { required: true, whitespace: true, message: 'Vui lòng nêu lý do' },
                    { max: 1000, message: 'Không được quá 1000 ký tự' },
                  ]}
                >
                  <Input placeholder="Lý do" aria-label={`Lý do bổ sung ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button icon={<DeleteOutlined />} aria-label={`Xóa nội dung ${index + 1}`} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => add({ what: '', why: '' })}>
              Thêm nội dung
            </Button>
            {suggested.length > 0 && <Button onClick={() => form.setFieldValue([...prefix, 'items'], suggested)}>Điền các giấy tờ còn thiếu ({suggested.length})</Button>}
          </Space>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/**
 * The counter's three decisions on a filing, with what each needs: nothing to accept (but every
 * mandatory paper), the list of missing items to ask for, or the reason to refuse. `suggested` lists the
 * missing mandatory papers; `acceptBlocked` says why the dossier cannot be accepted at all.
 */
export function DecisionFields({ prefix, suggested, acceptBlocked, busy }: { prefix: (string | number)[]; suggested: SupplementItem[]; acceptBlocked?: string; busy: boolean }) {
  const form = Form.useFormInstance();
  const action = (Form.useWatch([...prefix, 'action'], form) as DecisionAction | undefined) ?? 'accept';
  const choose = (next: DecisionAction) => {
    const items = form.getFieldValue([...prefix, 'items']) as SupplementItem[] | undefined;
    if (next === 'request-supplement' && !items?.length) form.setFieldValue([...prefix, 'items'], suggested.length ? suggested : [{ what: '', why: '' }]);
  };
  const blocked = action === 'accept' ? (acceptBlocked ?? (suggested.length ? `Còn thiếu giấy tờ bắt buộc: ${suggested.map((item) => item.what).join('; ')}.` : undefined)) : undefined;
  return (
    <>
      <Form.Item name={[...prefix, 'action']} label="Quyết định">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          onChange={(event) => choose(event.target.value as DecisionAction)}
          options={[
            { value: 'accept', label: 'Tiếp nhận' },
            { value: 'request-supplement', label: 'Yêu cầu bổ sung' },
            { value: 'refuse', label: 'Từ chối' },
          ]}
        />
      </Form.Item>
      {blocked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Chưa thể tiếp nhận hồ sơ"
          description={`${blocked} Hãy chọn «Yêu cầu bổ sung» để hướng dẫn công dân bổ sung một lần, đầy đủ.`}
        />
      )}
      {action === 'request-supplement' && <SupplementItems prefix={prefix} suggested={suggested} />}
      {action === 'refuse' && (
        <Form.Item
          name={[...prefix, 'reason']}
          label="Lý do từ chối"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nêu rõ lý do từ chối' },
            { min: 5, message: 'Phải có ít nhất 5 ký tự' },
            { max: 2000, message: 'Không được quá 2000 ký tự' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="Ví dụ: Thủ tục không thuộc thẩm quyền giải quyết của UBND phường" />
        </Form.Item>
      )}
      <div style={{ marginTop: 16 }}>
        <Button type="primary" danger={action === 'refuse'} htmlType="submit" size="large" icon={SUBMIT[action].icon} loading={busy} disabled={blocked !== undefined}>
          {SUBMIT[action].label}
        </Button>
      </div>
    </>
  );
}

/** The slip that goes with the dossier's state at the counter; a postal filing waiting for its decision has none yet. */
function slipOf(status: Dossier['status']): { form: string; label: string } | undefined {
  if (status === 'SUBMITTED') return undefined;
  if (status === 'SUPPLEMENT_REQUESTED') return { form: 'BM.02', label: 'In phiếu yêu cầu bổ sung (BM.02)' };
  if (status === 'REFUSED') return { form: 'BM.03', label: 'In phiếu từ chối tiếp nhận (BM.03)' };
  return { form: 'BM.01', label: 'In giấy tiếp nhận, hẹn trả kết quả (BM.01)' };
}

const OUTCOME: Partial<Record<Dossier['status'], { status: 'success' | 'info' | 'warning' | 'error'; title: string }>> = {
  SUBMITTED: { status: 'info', title: 'Đã ghi nhận hồ sơ gửi qua bưu chính, chờ quyết định tiếp nhận' },
  SUPPLEMENT_REQUESTED: { status: 'warning', title: 'Đã yêu cầu bổ sung hồ sơ' },
  REFUSED: { status: 'error', title: 'Đã từ chối tiếp nhận hồ sơ' },
};

/** What the counter decided, the slip to hand the citizen, and the way on. */
export function DecisionResult({ dossier, nextLabel, onNext }: { dossier: Dossier; nextLabel: string; onNext: () => void }) {
  const navigate = useNavigate();
  const printSlip = usePrintSlip();
  const slip = slipOf(dossier.status);
  const outcome = OUTCOME[dossier.status] ?? { status: 'success', title: 'Đã tiếp nhận hồ sơ' };
  return (
    <Result
      status={outcome.status}
      title={outcome.title}
      subTitle={dossier.dueText ? `Mã hồ sơ ${dossier.code} · Hẹn trả kết quả: ${dossier.dueText}` : `Mã hồ sơ ${dossier.code}`}
      extra={[
        slip ? (
          <Button key="slip" type="primary" icon={<PrinterOutlined />} onClick={() => printSlip(dossier.code, slip.form)}>
            {slip.label}
          </Button>
        ) : (
          <Button key="queue" type="primary" icon={<InboxOutlined />} onClick={() => navigate('/cho-tiep-nhan')}>
            Mở danh sách chờ tiếp nhận
          </Button>
        ),
        <Button key="dossier" icon={<FileSearchOutlined />} onClick={() => navigate(`/ho-so/${dossier.code}`)}>
          Xem chi tiết hồ sơ
        </Button>,
        <Button key="next" icon={<RightOutlined />} onClick={onNext}>
          {nextLabel}
        </Button>,
      ]}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'code',
            label: 'Mã hồ sơ',
            children: (
              <Typography.Text strong copyable>
                {dossier.code}
              </Typography.Text>
            ),
          },
          { key: 'status', label: 'Trạng thái', children: <StatusTag status={dossier.status} label={dossier.statusLabel} /> },
          { key: 'procedure', label: 'Thủ tục', children: dossier.procedureName },
          { key: 'channel', label: 'Hình thức nộp', children: <ChannelTag channel={dossier.channel} /> },
          { key: 'applicant', label: 'Người nộp', children: dossier.applicant.fullName },
          ...(dossier.receivedAt ? [{ key: 'received', label: 'Tiếp nhận lúc', children: formatDateTime(dossier.receivedAt) }] : []),
          ...(dossier.dueAt ? [{ key: 'due', label: 'Hẹn trả kết quả', children: <Typography.Text strong>{dossier.dueText ?? formatDateTime(dossier.dueAt)}</Typography.Text> }] : []),
          { key: 'verifier', label: 'Số xác thực', children: `${dossier.verifier} (công dân nhập cùng mã hồ sơ để tra cứu tình trạng)` },
          ...(dossier.refusalReason ? [{ key: 'reason', label: 'Lý do từ chối', children: dossier.refusalReason }] : []),
          ...(dossier.supplementRequest?.length
            ? [
                {
                  key: 'items',
                  label: 'Nội dung cần bổ sung',
                  children: (
                    <ol style={{ margin: 0, paddingLeft: 20 }}>
                      {dossier.supplementRequest.map((item, index) => (
                        <li key={index}>
                          {item.what}: {item.why}
                        </li>
                      ))}
                    </ol>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dossier.status === 'RECEIVED' && dossier.documents.length > 0 && (
        <Card size="small" title="Số hóa giấy tờ đã nhận" style={{ marginTop: 16, textAlign: 'left' }}>
          <DossierFiles dossier={dossier} kinds={['paper']} />
        </Card>
      )}
    </Result>
  );
}
