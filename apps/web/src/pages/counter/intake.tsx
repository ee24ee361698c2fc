import { MailOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Radio, Select, Skeleton, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { durationText, foldDiacritics, LEVEL_LABEL, money } from '../../format';
import { useSession } from '../../session';
import { ApplicantFields, applicantBody, type ApplicantValues, ownCommune, ProxyFields, proxyBody, type ProxyValues } from './applicant-fields';
import { hasWorkflow, type Procedure, resolveVariant, useProcedure, useProcedures } from './catalog';
import { type ChecklistRow, checklistRows, DocumentChecklist, handedDocuments, missingItems } from './checklist';
import { confirmDecision, decisionBody, decisionErrors, DecisionFields, DecisionResult, type DecisionValues } from './decision';
import type { Dossier } from './dossier-details';

/** At the counter the dossier is decided on the spot; one that came by post waits in the queue for the decision. */
type IntakeChannel = 'counter' | 'post';

const CHANNELS: { value: IntakeChannel; label: string }[] = [
  { value: 'counter', label: 'Trực tiếp tại quầy' },
  { value: 'post', label: 'Qua bưu chính' },
];

interface IntakeValues {
  channel: IntakeChannel;
  procedureCode?: string;
  /** '' for the procedure's general case. */
  variant: string;
  checklist: ChecklistRow[];
  applicant: ApplicantValues;
  hasProxy: boolean;
  proxy?: ProxyValues;
  notes?: string;
  decision: DecisionValues;
}

/** A fresh Idempotency-Key per dossier: a retried or double-sent intake files it once. */
const newAttempt = () => `intake-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;

/** Every word typed, with or without diacritics, in the code or the name: "cap ban sao" finds "Cấp bản sao…". */
function matchesProcedure(input: string, searchText: string): boolean {
  return foldDiacritics(input)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => searchText.includes(word));
}

function ProcedureSelect(props: { id?: string; value?: string; onChange?: (code: string) => void }) {
  const procedures = useProcedures();
  const options = (procedures.data ?? []).map((procedure) => ({
    value: procedure.code,
    label: `${procedure.code} – ${procedure.name}`,
    searchText: foldDiacritics(`${procedure.code} ${procedure.name} ${procedure.field}`),
    procedure,
  }));
  return (
    <>
      <Select
        {...props}
        size="large"
        options={options}
        loading={procedures.loading}
        placeholder="Gõ mã hoặc tên thủ tục, có dấu hoặc không dấu"
        showSearch={{ filterOption: (input, option) => (option ? matchesProcedure(input, option.searchText) : false) }}
        optionRender={({ data }) => (
          <Flex vertical>
            <span style={{ whiteSpace: 'normal' }}>{data.procedure.name}</span>
            <Typography.Text type="secondary">
              {data.procedure.code} · {data.procedure.field}
            </Typography.Text>
          </Flex>
        )}
        notFoundContent={procedures.loading ? 'Đang tải danh mục thủ tục…' : 'Không tìm thấy thủ tục phù hợp'}
      />
      {procedures.error !== undefined && <Alert type="error" showIcon style={{ marginTop: 8 }} title={`Không tải được danh mục thủ tục. ${errorText(procedures.error)}`} />}
    </>
  );
}

/** What the officer tells the citizen about the procedure: its case, legal time and fees. */
function ProcedureFacts({ procedure, variant, channel }: { procedure: Procedure; variant: string; channel: IntakeChannel }) {
  const { legalTime } = resolveVariant(procedure, variant || null, channel);
  return (
    <>
      {procedure.variants.length > 0 && (
        <Form.Item name="variant" label="Trường hợp">
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[{ value: '', label: 'Trường hợp thông thường' }, ...procedure.variants.map((candidate) => ({ value: candidate.key, label: candidate.name }))]}
          />
        </Form.Item>
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'field', label: 'Lĩnh vực', children: procedure.field },
          { key: 'level', label: 'Cấp thực hiện', children: LEVEL_LABEL[procedure.level] },
          { key: 'time', label: 'Thời hạn giải quyết', children: <Typography.Text strong>{durationText(legalTime)}</Typography.Text> },
          {
            key: 'fees',
            label: 'Phí, lệ phí',
            span: 3,
            children: procedure.fees.length ? procedure.fees.map((fee) => <div key={fee.name}>{`${fee.name}: ${money(fee.amount)}`}</div>) : 'Không thu phí, lệ phí',
          },
        ]}
      />
    </>
  );
}

/** A postal filing is only recorded here: the papers are checked and decided on from the queue, as for an online one. */
function PostalRecord({ busy }: { busy: boolean }) {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Hồ sơ gửi qua bưu chính được ghi nhận, chưa tiếp nhận"
        description="Hồ sơ được cấp mã và chờ trong danh sách «Chờ tiếp nhận»; từ đó Bộ phận Một cửa kiểm tra và quyết định tiếp nhận, yêu cầu bổ sung hoặc từ chối."
      />
      <Button type="primary" htmlType="submit" size="large" icon={<MailOutlined />} loading={busy}>
        Ghi nhận hồ sơ bưu chính
      </Button>
    </>
  );
}

function confirmPostal(modal: ReturnType<typeof App.useApp>['modal'], send: () => Promise<void>): void {
  modal.confirm({
    title: 'Ghi nhận hồ sơ gửi qua bưu chính?',
    content: 'Hồ sơ được cấp mã và chuyển vào danh sách chờ tiếp nhận. Không thể hoàn tác thao tác này.',
    okText: 'Ghi nhận hồ sơ bưu chính',
    cancelText: 'Quay lại',
    onOk: send,
  });
}

/** The counter's main screen: how the dossier came, procedure, papers, applicant, decision; then the slip to print. */
export function IntakePage() {
  const { user } = useSession();
  const { modal } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [result, setResult] = useState<Dossier | null>(null);
  const [attempt, setAttempt] = useState(newAttempt);
  const { problems, setProblems, saving, run } = useFormSave(form, (form, error) => {
    const problems = decisionErrors(form, error);
    const wrong = form.getFieldsError().find((field) => field.errors.length > 0);
    if (wrong) form.scrollToField(wrong.name, { block: 'center' });
    return problems;
  });

  const channel = (Form.useWatch('channel', form) as IntakeChannel | undefined) ?? 'counter';
  const code = Form.useWatch('procedureCode', form);
  const variant = (Form.useWatch('variant', form) as string | undefined) ?? '';
  const rows = Form.useWatch('checklist', form) as ChecklistRow[] | undefined;
  const applicantName = Form.useWatch(['applicant', 'fullName'], form) as string | undefined;
  const procedure = useProcedure(code);
  const required = procedure.data ? resolveVariant(procedure.data, variant || null, 'counter').documents : [];

  // A new procedure or case brings its own papers: the checklist starts again, nothing ticked.
  useEffect(() => {
    form.setFieldValue('checklist', procedure.data ? checklistRows(resolveVariant(procedure.data, variant || null, 'counter').documents) : []);
  }, [form, procedure.data, variant]);

  const initialValues: Partial<IntakeValues> = {
    channel: 'counter',
    variant: '',
    checklist: [],
    applicant: { kind: 'person', fullName: '', idNumber: '', address: { line: '', communeCode: ownCommune(user?.scopeUnitPath ?? '') ?? '' } },
    hasProxy: false,
    decision: { action: 'accept' },
  };
  const current = !code ? 0 : !rows?.some((row) => row?.received) ? 1 : !applicantName?.trim() ? 2 : 3;

  const send = (values: IntakeValues) =>
    run(async () => {
      const dossier = await unwrap(
        api.POST('/api/dossiers', {
          params: { header: { 'Idempotency-Key': attempt } },
          body: {
            procedureCode: values.procedureCode!,
            variant: values.variant || null,
            channel: values.channel,
            applicant: applicantBody(values.applicant),
            proxy: values.hasProxy && values.proxy ? proxyBody(values.proxy) : undefined,
            documents: handedDocuments(required, values.checklist),
            notes: values.notes?.trim() || undefined,
            // Online and postal filings are decided later, from the counter's queue.
            decision: values.channel === 'counter' ? decisionBody(values.decision) : undefined,
          },
        }),
      );
      setResult(dossier);
      window.scrollTo({ top: 0 });
    });

  function nextDossier() {
    // A batch of envelopes is entered one after another: the next dossier came the same way.
    const sameChannel = result?.channel === 'post' ? 'post' : 'counter';
    form.resetFields();
    form.setFieldValue('channel', sameChannel);
    setResult(null);
    setProblems([]);
    setAttempt(newAttempt());
    window.scrollTo({ top: 0 });
  }

  if (result) {
    return (
      <Card>
        <DecisionResult dossier={result} nextLabel="Tiếp nhận hồ sơ tiếp theo" onNext={nextDossier} />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Tiếp nhận hồ sơ
        </Typography.Title>
        <Steps
          size="small"
          current={current}
          items={[{ title: 'Chọn thủ tục' }, { title: 'Kiểm tra thành phần hồ sơ' }, { title: 'Thông tin người nộp' }, { title: channel === 'post' ? 'Ghi nhận' : 'Quyết định' }]}
        />
      </div>
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        scrollToFirstError={{ block: 'center' }}
        onFinish={(values) => (values.channel === 'post' ? confirmPostal(modal, () => send(values)) : confirmDecision(modal, values.decision.action, () => send(values)))}
      >
        <Flex vertical gap={16}>
          <Card title="1. Thủ tục hành chính">
            <Form.Item name="channel" label="Hình thức nộp">
              <Radio.Group optionType="button" buttonStyle="solid" options={CHANNELS} />
            </Form.Item>
            <Form.Item name="procedureCode" label="Thủ tục hành chính" rules={[{ required: true, message: 'Vui lòng chọn thủ tục' }]}>
              <ProcedureSelect onChange={() => form.setFieldValue('variant', '')} />
            </Form.Item>
            {procedure.loading && <Skeleton active paragraph={{ rows: 2 }} />}
            {procedure.error !== undefined && <Alert type="error" showIcon title={`Không tải được thông tin thủ tục. ${errorText(procedure.error)}`} />}
            {procedure.data && <ProcedureFacts procedure={procedure.data} variant={variant} channel={channel} />}
          </Card>

          <Card title={channel === 'post' ? '2. Thành phần hồ sơ trong bì thư' : '2. Thành phần hồ sơ'}>
            {procedure.data ? <DocumentChecklist documents={required} /> : <Empty description="Chọn thủ tục để hiện danh sách giấy tờ cần kiểm tra" />}
          </Card>

          <Card title="3. Người nộp hồ sơ">
            <ApplicantFields />
            <ProxyFields />
            <Form.Item name="notes" label="Ghi chú" rules={[{ max: 2000, message: 'Không được quá 2000 ký tự' }]} style={{ marginTop: 16, marginBottom: 0 }}>
              <Input.TextArea rows={2} placeholder="Ghi chú của cán bộ tiếp nhận (nếu có)" />
            </Form.Item>
          </Card>

          <Card title={channel === 'post' ? '4. Ghi nhận hồ sơ gửi qua bưu chính' : '4. Quyết định'}>
            <ProblemsAlert problems={problems} title="Chưa lưu được hồ sơ" />
            {channel === 'post' ? (
              <PostalRecord busy={saving} />
            ) : (
              <DecisionFields
                prefix={['decision']}
                suggested={missingItems(required, rows)}
                acceptBlocked={procedure.data && !hasWorkflow(procedure.data, variant || null) ? 'Thủ tục chưa có quy trình giải quyết được ban hành.' : undefined}
                busy={saving}
              />
            )}
          </Card>
        </Flex>
      </Form>
    </Flex>
  );
}
