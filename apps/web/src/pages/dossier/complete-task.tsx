import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Descriptions, Drawer, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { DeadlineTag } from '../../components/deadline-tag';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { formatDateTime, workingTimeLeft } from '../../format';
import { type Role, useSession } from '../../session';
import { TASK_ACTION_LABEL, type TaskAction } from './labels';
import { latestReturnTo, ReturnedTag } from './returns';
import { destinationOf, dossierWorkflow, earlierSteps, nextSteps, type WorkflowStep } from './workflow';
import { DossierFiles } from './files';

export type InboxItem = Schemas['InboxItemDto'];

interface Decision {
  action: TaskAction;
  targetStep?: string;
  items?: { what: string; why: string }[];
  note?: string;
}

/**
 * Every decision the step allows. The API treats forwarding and approving alike (the step is done,
 * the next opens) and records which was taken: a leader approves, everyone else forwards.
 */
function decisionsFor(task: InboxItem, role: Role, earlier: WorkflowStep[]): TaskAction[] {
  return [
    role === 'LEADER' ? 'approve' : 'forward',
    ...(earlier.length > 0 ? ['return' as const] : []),
    'request-supplement',
    'request-payment',
    'reject',
    ...(task.optional ? ['skip' as const] : []),
  ];
}

/** A decision as the officer reads it among the choices, naming where it sends the dossier when the workflow says so. */
function decisionLabel(action: TaskAction, destination: string | undefined): string {
  if (!destination) return TASK_ACTION_LABEL[action];
  if (action === 'forward') return `${TASK_ACTION_LABEL.forward}: ${destination}`;
  if (action === 'approve') return `${TASK_ACTION_LABEL.approve}, chuyển ${destination}`;
  return TASK_ACTION_LABEL[action];
}

/** What the submit button does, in words: the officer sees the consequence before clicking. */
function submitText(decision: Partial<Decision>, task: InboxItem, earlier: WorkflowStep[], next: WorkflowStep[] | undefined): string {
  switch (decision.action) {
    case 'forward':
      return next?.length === 1 ? `Chuyển sang bước «${next[0].name}»` : 'Chuyển sang bước tiếp theo';
    case 'approve':
      return 'Phê duyệt';
    case 'return':
      return `Trả lại bước «${earlier.find((step) => step.key === decision.targetStep)?.name ?? 'trước'}»`;
    case 'request-supplement':
      return 'Gửi yêu cầu bổ sung';
    case 'request-payment':
      return 'Gửi yêu cầu nộp nghĩa vụ tài chính';
    case 'reject':
      return 'Từ chối giải quyết';
    case 'skip':
      return `Bỏ qua bước «${task.stepName}»`;
    default:
      return 'Xác nhận';
  }
}

/** The message once the decision is recorded: what was done to which dossier, and where it went. */
function doneText(decision: Decision, task: InboxItem, earlier: WorkflowStep[], destination: string | undefined): string {
  const code = task.dossierCode;
  const onward = destination ? ` sang bước ${destination}` : ' sang bước tiếp theo';
  switch (decision.action) {
    case 'forward':
      return `Đã chuyển hồ sơ ${code}${onward}.`;
    case 'approve':
      return `Đã phê duyệt hồ sơ ${code}, chuyển${onward}.`;
    case 'return':
      return `Đã trả hồ sơ ${code} về bước «${earlier.find((step) => step.key === decision.targetStep)?.name ?? 'trước'}».`;
    case 'reject':
      return `Đã từ chối giải quyết hồ sơ ${code}; hồ sơ chuyển về Bộ phận Một cửa để trả lại công dân.`;
    case 'skip':
      return `Đã bỏ qua bước «${task.stepName}» của hồ sơ ${code}.`;
    default:
      return `Đã gửi yêu cầu cho công dân; hồ sơ ${code} tạm dừng chờ công dân.`;
  }
}

/** What the officer confirms before a decision that changes the dossier's course; forwarding needs no second click. */
function confirmation(decision: Decision, code: string, earlier: WorkflowStep[]): { title: string; content: string; okText: string } | null {
  switch (decision.action) {
    case 'return': {
      const target = earlier.find((step) => step.key === decision.targetStep)?.name ?? 'bước trước';
      return { title: 'Trả hồ sơ về bước trước?', content: `Hồ sơ ${code} sẽ quay lại bước «${target}» để xử lý lại.`, okText: 'Trả lại' };
    }
    case 'request-supplement':
      return {
        title: 'Gửi yêu cầu bổ sung hồ sơ?',
        content: 'Thời gian giải quyết tạm dừng cho tới khi công dân nộp đủ giấy tờ. Yêu cầu phải nêu đầy đủ các giấy tờ còn thiếu trong một lần.',
        okText: 'Gửi yêu cầu',
      };
    case 'request-payment':
      return {
        title: 'Yêu cầu công dân thực hiện nghĩa vụ tài chính?',
        content: 'Thời gian giải quyết tạm dừng cho tới khi Bộ phận Một cửa ghi nhận công dân đã nộp.',
        okText: 'Gửi yêu cầu',
      };
    case 'reject':
      return {
        title: 'Từ chối giải quyết hồ sơ?',
        content: `Hồ sơ ${code} dừng xử lý và chuyển về Bộ phận Một cửa để trả lại công dân kèm lý do. Không thể hoàn tác.`,
        okText: 'Từ chối giải quyết',
      };
    case 'skip':
      return { title: 'Bỏ qua bước này?', content: 'Bước không bắt buộc được đánh dấu bỏ qua và hồ sơ chuyển sang bước tiếp theo.', okText: 'Bỏ qua' };
    default:
      return null;
  }
}

/** The drawer in which an officer completes a step they claimed: the dossier at a glance, a decision and a note. */
export function CompleteTaskDrawer({ task, open, onClose, onCompleted }: { task: InboxItem; open: boolean; onClose(): void; onCompleted(text: string): void }) {
  return (
    <Drawer title={`Xử lý hồ sơ ${task.dossierCode}`} open={open} onClose={onClose} size={560} destroyOnHidden>
      <CompleteTaskForm task={task} onCancel={onClose} onCompleted={onCompleted} />
    </Drawer>
  );
}

function CompleteTaskForm({ task, onCancel, onCompleted }: { task: InboxItem; onCancel(): void; onCompleted(text: string): void }) {
  const { user } = useSession();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Decision>();
  const action = Form.useWatch('action', form);
  const targetStep = Form.useWatch('targetStep', form);
  const { problems, saving, run } = useFormSave(form);
  const context = useApi(task.id, async () => {
    const dossier = await unwrap(api.GET('/api/dossiers/{code}', { params: { path: { code: task.dossierCode } } }));
    return { dossier, steps: await dossierWorkflow(dossier) };
  });

  if (context.error) return <Alert type="error" showIcon title={errorText(context.error)} />;
  if (!context.data || !user) return <Spin description="Đang tải hồ sơ…" />;
  const { dossier, steps } = context.data;
  const earlier = earlierSteps(steps, task.stepKey);
  const decisions = decisionsFor(task, user.role, earlier);
  const openKeys = new Set((dossier.currentSteps ?? []).map((step) => step.stepKey));
  const next = nextSteps(steps, task.stepKey, openKeys);
  const destination = destinationOf(steps, task.stepKey, dossier, openKeys);
  const returned = task.activation > 1 ? latestReturnTo(dossier.history ?? [], task.stepKey, steps) : undefined;

  const send = (decision: Decision) =>
    run(async () => {
      await unwrap(
        api.POST('/api/tasks/{id}/complete', {
          params: { path: { id: task.id } },
          body: {
            action: decision.action,
            note: decision.note?.trim() || undefined,
            targetStep: decision.action === 'return' ? decision.targetStep : undefined,
            items: decision.action === 'request-supplement' ? decision.items : undefined,
          },
        }),
      );
      onCompleted(doneText(decision, task, earlier, destination));
    });

  function submit(decision: Decision) {
    const confirm = confirmation(decision, task.dossierCode, earlier);
    if (!confirm) return send(decision);
    modal.confirm({ ...confirm, cancelText: 'Quay lại', okButtonProps: { danger: decision.action === 'reject' }, onOk: () => send(decision) });
  }

  const noteRequired = action === 'reject' || action === 'return';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {task.activation > 1 && (
        <Alert
          type="warning"
          showIcon
          title={returned ? `Bước bị trả lại từ bước «${returned.fromStepName}»` : `Bước được mở lại để xử lý lần thứ ${task.activation}`}
          description={
            returned && (
              <>
                <div>Lý do: {returned.reason ?? 'không ghi lý do'}</div>
                <Typography.Text type="secondary">
                  {returned.actorName ?? 'Hệ thống'}, {formatDateTime(returned.at)}
                </Typography.Text>
              </>
            )
          }
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'code', label: 'Hồ sơ', children: <Link to={`/ho-so/${encodeURIComponent(task.dossierCode)}`}>{task.dossierCode}</Link> },
          { key: 'procedure', label: 'Thủ tục', children: task.procedureName },
          { key: 'applicant', label: 'Người nộp', children: task.applicantName },
          { key: 'documents', label: 'Giấy tờ đã nhận', children: dossier.documents.map((document) => <div key={document.key}>{document.name}</div>) },
          {
            key: 'step',
            label: 'Bước xử lý',
            children: (
              <>
                {task.stepName} <ReturnedTag activation={task.activation} />
              </>
            ),
          },
          {
            key: 'due',
            label: 'Hạn xử lý bước',
            children: task.dueAt ? (
              <>
                {formatDateTime(task.dueAt)} ({workingTimeLeft(task.timeLeft, task.overdue)}) <DeadlineTag overdue={task.overdue} dueSoon={task.dueSoon} />
              </>
            ) : (
              'Không giới hạn'
            ),
          },
          { key: 'appointment', label: 'Hẹn trả kết quả', children: dossier.dueText ?? '—' },
        ]}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'files',
            label: 'Tệp hồ sơ: giấy tờ số hóa, tài liệu xử lý, kết quả',
            children: <DossierFiles dossier={dossier} kinds={task.status === 'claimed' ? ['working', 'result'] : ['working']} />,
          },
        ]}
      />
      <ProblemsAlert problems={problems} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ action: decisions[0], targetStep: earlier[0]?.key, items: [{ what: '', why: '' }] }}>
        <Form.Item name="action" label="Quyết định" rules={[{ required: true, message: 'Chọn quyết định xử lý' }]}>
          <Radio.Group orientation="vertical" options={decisions.map((value) => ({ value, label: decisionLabel(value, destination) }))} />
        </Form.Item>
        {action === 'return' && (
          <Form.Item name="targetStep" label="Trả lại bước" rules={[{ required: true, message: 'Chọn bước cần xử lý lại' }]}>
            <Select options={earlier.map((step) => ({ value: step.key, label: step.name }))} />
          </Form.Item>
        )}
        {action === 'request-supplement' && <SupplementItems />}
        <Form.Item name="note" label="Ý kiến xử lý" rules={[{ required: noteRequired, whitespace: true, message: 'Nêu rõ lý do' }, { max: 2000 }]}>
          <Input.TextArea rows={4} placeholder={noteRequired ? 'Lý do trả lại hoặc từ chối' : 'Ví dụ: Hồ sơ hợp lệ, đủ điều kiện'} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} danger={action === 'reject'}>
            {submitText({ action: action ?? decisions[0], targetStep }, task, earlier, next)}
          </Button>
          <Button onClick={onCancel}>Hủy</Button>
        </Space>
      </Form>
    </Space>
  );
}

/** Everything missing, at once: each paper and why it is needed. */
function SupplementItems() {
  return (
    <Form.List name="items" rules={[{ validator: async (_, items?: unknown[]) => (items?.length ? undefined : Promise.reject(new Error('Liệt kê ít nhất một giấy tờ cần bổ sung'))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'what']} label={`Giấy tờ cần bổ sung ${index + 1}`} rules={[{ required: true, whitespace: true, message: 'Nhập tên giấy tờ' }]}>
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'why']} label="Lý do" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}>
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Button aria-label={`Xóa giấy tờ ${index + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ what: '', why: '' })}>
              Thêm giấy tờ
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
