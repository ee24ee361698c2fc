import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { type Procedure, resolveVariant, useProcedure } from './catalog';
import { type ChecklistRow, checklistRows, DocumentChecklist, handedDocuments, missingItems } from './checklist';
import { confirmDecision, decisionBody, decisionErrors, DecisionFields, DecisionResult, type DecisionValues } from './decision';
import { type Dossier, DossierDetails } from './dossier-details';

type RequiredDocument = Schemas['RequiredDocumentDto'];

/** The counter's decision on a waiting filing, after checking the papers the citizen sent. */
function DecideForm({ dossier, required, onDone }: { dossier: Dossier; required: RequiredDocument[]; onDone: (dossier: Dossier) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<DecisionValues & { checklist: ChecklistRow[] }>();
  const { problems, saving, run } = useFormSave(form, decisionErrors);
  const rows = Form.useWatch('checklist', form) as ChecklistRow[] | undefined;

  const send = (values: DecisionValues & { checklist: ChecklistRow[] }) =>
    run(async () => {
      const path = { code: dossier.code };
      const decision = decisionBody(values);
      const answer =
        decision.action === 'accept'
          ? api.POST('/api/dossiers/{code}/accept', { params: { path }, body: { documents: handedDocuments(required, values.checklist) } })
          : decision.action === 'request-supplement'
            ? api.POST('/api/dossiers/{code}/request-supplement', { params: { path }, body: { items: decision.items ?? [] } })
            : api.POST('/api/dossiers/{code}/refuse', { params: { path }, body: { reason: decision.reason ?? '' } });
      onDone(await unwrap(answer));
    });

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ action: 'accept', checklist: checklistRows(required, dossier.documents) }}
      scrollToFirstError={{ block: 'center' }}
      onFinish={(values) => confirmDecision(modal, values.action, () => send(values))}
    >
      <Flex vertical gap={16}>
        <Card size="small" title="Đối chiếu thành phần hồ sơ">
          <DocumentChecklist documents={required} />
        </Card>
        <Card size="small" title="Quyết định">
          <ProblemsAlert problems={problems} title="Chưa thực hiện được" />
          <DecisionFields prefix={[]} suggested={missingItems(required, rows)} busy={saving} />
        </Card>
      </Flex>
    </Form>
  );
}

/** The citizen brought what was asked for: the papers as now complete, and a note. */
function SupplementForm({ dossier, required, onDone }: { dossier: Dossier; required: RequiredDocument[]; onDone: (dossier: Dossier) => void }) {
  const [form] = Form.useForm<{ checklist: ChecklistRow[]; note?: string }>();
  const { problems, saving, run } = useFormSave(form);

  const send = (values: { checklist: ChecklistRow[]; note?: string }) =>
    run(async () => {
      const body = { documents: handedDocuments(required, values.checklist), note: values.note?.trim() || undefined };
      onDone(await unwrap(api.POST('/api/dossiers/{code}/supplement', { params: { path: { code: dossier.code } }, body })));
    });

  return (
    <Form form={form} layout="vertical" initialValues={{ checklist: checklistRows(required, dossier.documents) }} onFinish={send}>
      <Card size="small" title="Ghi nhận hồ sơ bổ sung">
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Nội dung đã yêu cầu bổ sung"
          description={
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {(dossier.supplementRequest ?? []).map((item, index) => (
                <li key={index}>
                  {item.what}: {item.why}
                </li>
              ))}
            </ol>
          }
        />
        <DocumentChecklist documents={required} />
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 2000, message: 'Không được quá 2000 ký tự' }]} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} placeholder="Ví dụ: Công dân nộp bổ sung bản gốc Giấy chứng nhận" />
        </Form.Item>
        <ProblemsAlert problems={problems} title="Chưa thực hiện được" />
        <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={saving}>
          Ghi nhận đã bổ sung
        </Button>
      </Card>
    </Form>
  );
}

function ReviewBody({ dossier, procedure, onDecided, onSupplemented }: { dossier: Dossier; procedure: Procedure; onDecided: (dossier: Dossier) => void; onSupplemented: (dossier: Dossier) => void }) {
  const required = resolveVariant(procedure, dossier.variant, dossier.channel).documents;
  if (dossier.status === 'SUBMITTED') return <DecideForm key={dossier.version} dossier={dossier} required={required} onDone={onDecided} />;
  if (dossier.status === 'SUPPLEMENT_REQUESTED') return <SupplementForm dossier={dossier} required={required} onDone={onSupplemented} />;
  return <Alert type="info" showIcon title={`Hồ sơ không còn chờ Bộ phận Một cửa xử lý (trạng thái: ${dossier.statusLabel}).`} />;
}

/**
 * One filing from the queue: its details and papers, then the counter's decision (or, for a dossier
 * waiting for papers, the supplement); after a decision, the slip to print.
 */
export function DossierReview({ code, onClose }: { code: string; onClose: () => void }) {
  const { message } = App.useApp();
  const loaded = useApi(code, () => unwrap(api.GET('/api/dossiers/{code}', { params: { path: { code } } })));
  const dossier = loaded.data;
  const [decided, setDecided] = useState<Dossier | null>(null);
  const procedure = useProcedure(dossier?.procedureCode);

  function supplemented(updated: Dossier) {
    loaded.setData(updated);
    message.success(updated.status === 'SUBMITTED' ? 'Đã ghi nhận hồ sơ bổ sung. Hãy kiểm tra và quyết định tiếp nhận.' : `Đã ghi nhận hồ sơ bổ sung. ${updated.statusLabel}.`);
  }

  if (decided) return <DecisionResult dossier={decided} nextLabel="Về danh sách chờ" onNext={onClose} />;
  const failure = loaded.error ?? procedure.error;
  if (failure !== undefined) return <Result status="error" title="Không mở được hồ sơ" subTitle={errorText(failure)} />;
  if (!dossier || !procedure.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <Flex vertical gap={16}>
      <DossierDetails dossier={dossier} />
      <ReviewBody dossier={dossier} procedure={procedure.data} onDecided={setDecided} onSupplemented={supplemented} />
    </Flex>
  );
}
