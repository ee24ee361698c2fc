import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Collapse, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { formatDateTime } from '../../format';
import { type Procedure, resolveVariant, useProcedure } from './catalog';
import { type ChecklistRow, checklistRows, countsText, DocumentChecklist, handedDocuments, missingItems } from './checklist';
import { confirmDecision, decisionBody, decisionErrors, DecisionFields, DecisionResult, type DecisionValues } from './decision';
import { type Dossier, DossierDetails } from './dossier-details';
import { PaymentForm } from './payment';

type RequiredDocument = Schemas['RequiredDocumentDto'];
type SupplementItem = Schemas['SupplementItemDto'];

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

interface SupplementValues {
  requested: boolean[];
  checklist: ChecklistRow[];
  note?: string;
}

/**
 * The items asked for, ticked as the citizen hands them over. Ticking an item that names one of the
 * procedure's papers ticks that paper too, with the counts the procedure requires.
 */
function RequestedItems({ items, required }: { items: SupplementItem[]; required: RequiredDocument[] }) {
  const form = Form.useFormInstance();
  function tickPaper(item: SupplementItem, checked: boolean) {
    const index = required.findIndex((document) => document.key === item.documentKey);
    if (!checked || index < 0) return;
    const row = form.getFieldValue(['checklist', index]) as ChecklistRow;
    form.setFieldValue(['checklist', index], { received: true, originals: Math.max(row.originals, required[index].originals), copies: Math.max(row.copies, required[index].copies) });
  }
  return (
    <Flex vertical gap={8}>
      {items.map((item, index) => {
        const paper = required.find((document) => document.key === item.documentKey);
        return (
          <div key={index}>
            <Form.Item name={['requested', index]} valuePropName="checked" noStyle>
              <Checkbox onChange={(event) => tickPaper(item, event.target.checked)}>
                {item.what} — {item.why}
              </Checkbox>
            </Form.Item>
            {paper && (
              <Typography.Text type="secondary" style={{ display: 'block', paddingLeft: 24 }}>
                Theo quy định: {countsText(paper.originals, paper.copies)}
              </Typography.Text>
            )}
          </div>
        );
      })}
    </Flex>
  );
}

/**
 * The citizen brought what was asked for (at intake, or by a processor mid-way): the requested items
 * ticked one by one, the papers as now complete, and a note.
 */
function SupplementForm({ dossier, required, onDone }: { dossier: Dossier; required: RequiredDocument[]; onDone: (dossier: Dossier) => void }) {
  const [form] = Form.useForm<SupplementValues>();
  const { problems, saving, run } = useFormSave(form);
  const items = dossier.supplementRequest ?? [];
  const request = dossier.history?.filter((entry) => entry.action === 'request-supplement').at(-1);
  const ticked = ((Form.useWatch('requested', form) as boolean[] | undefined) ?? []).filter(Boolean).length;

  const send = (values: SupplementValues) =>
    run(async () => {
      // Items that are not papers of the procedure (a map, a statement) are recorded in the note only.
      const received = items.length ? `Đã nhận bổ sung: ${items.map((item) => item.what).join('; ')}` : '';
      const body = { documents: handedDocuments(required, values.checklist), note: [received, values.note?.trim()].filter(Boolean).join('. ') || undefined };
      onDone(await unwrap(api.POST('/api/dossiers/{code}/supplement', { params: { path: { code: dossier.code } }, body })));
    });

  const papers = <DocumentChecklist documents={required} />;
  return (
    <Form form={form} layout="vertical" initialValues={{ requested: items.map(() => false), checklist: checklistRows(required, dossier.documents) }} onFinish={send}>
      <Card size="small" title="Ghi nhận hồ sơ bổ sung">
        {items.length > 0 ? (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              Nội dung đã yêu cầu bổ sung (đánh dấu nội dung công dân đã nộp)
            </Typography.Paragraph>
            {request && (
              <Typography.Paragraph type="secondary">
                {`Yêu cầu bởi ${request.actorName ?? 'hệ thống'} lúc ${formatDateTime(request.at)}${request.note ? `: ${request.note}` : ''}`}
              </Typography.Paragraph>
            )}
            <RequestedItems items={items} required={required} />
            <Collapse
              size="small"
              style={{ marginTop: 16 }}
              items={[{ key: 'papers', label: 'Toàn bộ thành phần hồ sơ (điều chỉnh nếu công dân nộp thêm hoặc thay giấy tờ khác)', forceRender: true, children: papers }]}
            />
          </>
        ) : (
          papers
        )}
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 1500, message: 'Không được quá 1500 ký tự' }]} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} placeholder="Ví dụ: Công dân nộp bổ sung bản gốc Giấy chứng nhận" />
        </Form.Item>
        <ProblemsAlert problems={problems} title="Chưa thực hiện được" />
        <Flex align="center" gap={16} wrap>
          <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={saving} disabled={ticked < items.length}>
            Ghi nhận đã bổ sung
          </Button>
          {ticked < items.length && (
            <Typography.Text type="secondary">
              Đã nhận {ticked}/{items.length} nội dung; chỉ ghi nhận khi công dân đã nộp đủ các nội dung đã yêu cầu.
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </Form>
  );
}

function ReviewBody({
  dossier,
  procedure,
  onDecided,
  onSupplemented,
  onPaid,
}: {
  dossier: Dossier;
  procedure: Procedure;
  onDecided: (dossier: Dossier) => void;
  onSupplemented: (dossier: Dossier) => void;
  onPaid: (dossier: Dossier) => void;
}) {
  const required = resolveVariant(procedure, dossier.variant, dossier.channel).documents;
  if (dossier.status === 'SUBMITTED') return <DecideForm key={dossier.version} dossier={dossier} required={required} onDone={onDecided} />;
  if (dossier.status === 'SUPPLEMENT_REQUESTED') return <SupplementForm dossier={dossier} required={required} onDone={onSupplemented} />;
  if (dossier.status === 'AWAITING_PAYMENT') return <PaymentForm dossier={dossier} procedure={procedure} onDone={onPaid} />;
  return <Alert type="info" showIcon title={`Hồ sơ không còn chờ Bộ phận Một cửa xử lý (trạng thái: ${dossier.statusLabel}).`} />;
}

/**
 * One dossier from the queue: its details and papers, then the counter's decision (or, for a dossier
 * waiting for papers or a payment, their receipt); after a decision, the slip to print; after a payment, back to the list.
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

  function paid(updated: Dossier) {
    message.success(`Đã ghi nhận công dân nộp thuế, phí. Hồ sơ ${updated.code}: ${updated.statusLabel.toLowerCase()}.`);
    onClose();
  }

  if (decided) return <DecisionResult dossier={decided} nextLabel="Về danh sách chờ" onNext={onClose} />;
  const failure = loaded.error ?? procedure.error;
  if (failure !== undefined) return <Result status="error" title="Không mở được hồ sơ" subTitle={errorText(failure)} />;
  if (!dossier || !procedure.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <Flex vertical gap={16}>
      <DossierDetails dossier={dossier} />
      <ReviewBody dossier={dossier} procedure={procedure.data} onDecided={setDecided} onSupplemented={supplemented} onPaid={paid} />
    </Flex>
  );
}
