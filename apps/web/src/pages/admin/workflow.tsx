import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Descriptions, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { errorText, reasonText } from '../../api/errors';
import { durationText, formatDateTime, LEVEL_LABEL, ROLE_LABEL } from '../../format';
import { AGENCY_KIND_LABEL, STEP_KIND_LABEL } from './labels';

type Procedure = Schemas['ProcedureResponseDto'];
type WorkflowVersion = Schemas['WorkflowVersionResponseDto'];
type Step = Schemas['WorkflowStepDto'];

/** '' stands for the procedure's own workflow in the pickers (a Select value cannot be null). */
const OWN = '';

/** The workflows of a procedure, any published version of each, and publishing the next one. */
export function WorkflowPanel({ procedure, agencyName, onPublished }: { procedure: Procedure; agencyName(code: string): string; onPublished(): void }) {
  const { message } = App.useApp();
  const [variant, setVariant] = useState(OWN);
  const current = procedure.workflows.find((workflow) => (workflow.variant ?? OWN) === variant);
  // A variant without a workflow of its own is processed with the procedure's.
  const inherited = current ?? procedure.workflows.find((workflow) => workflow.variant === null);
  const [versionNumber, setVersionNumber] = useState<number>();
  const [shown, setShown] = useState<WorkflowVersion | undefined>(current);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    setVersionNumber(current?.version);
    setShown(current);
  }, [current]);

  async function showVersion(version: number) {
    setVersionNumber(version);
    try {
      setShown(await unwrap(api.GET('/api/procedures/{code}/workflow-versions/{n}', { params: { path: { code: procedure.code, n: version }, query: { variant: variant || undefined } } })));
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const variantOptions = [{ value: OWN, label: 'Quy trình chung của thủ tục' }, ...procedure.variants.map((item) => ({ value: item.key, label: `Trường hợp: ${item.name}` }))];
  const versionOptions = current
    ? Array.from({ length: current.version }, (_, i) => current.version - i).map((n) => ({ value: n, label: n === current.version ? `Phiên bản ${n} (đang áp dụng)` : `Phiên bản ${n}` }))
    : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {procedure.variants.length > 0 && <Select aria-label="Quy trình" style={{ width: 360 }} options={variantOptions} value={variant} onChange={setVariant} />}
        {current && <Select aria-label="Phiên bản" style={{ width: 240 }} options={versionOptions} value={versionNumber} onChange={showVersion} />}
        <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setEditing(true)}>
          Công bố phiên bản mới
        </Button>
      </Space>
      {shown ? (
        <>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="Phiên bản">{shown.version}</Descriptions.Item>
            <Descriptions.Item label="Công bố lúc">{formatDateTime(shown.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label="Số bước">{shown.steps.length}</Descriptions.Item>
          </Descriptions>
          <StepsTable steps={shown.steps} agencyName={agencyName} />
        </>
      ) : (
        <Empty description={inherited ? 'Trường hợp này được xử lý theo quy trình chung của thủ tục.' : 'Thủ tục chưa có quy trình xử lý.'} />
      )}
      {editing && (
        <WorkflowEditor
          procedure={procedure}
          variant={variant}
          startingSteps={(current ?? inherited)?.steps ?? []}
          onClose={() => setEditing(false)}
          onPublished={(published) => {
            setEditing(false);
            message.success(`Đã công bố phiên bản ${published.version} của quy trình`);
            onPublished();
          }}
        />
      )}
    </Space>
  );
}

function performerText(performer: Step['performer'], agencyName: (code: string) => string): string {
  if (!performer) return '—';
  if (performer.receivingAgency) return 'Cơ quan tiếp nhận hồ sơ';
  if (performer.agencyCode) return agencyName(performer.agencyCode);
  if (performer.agencyKind && performer.level) return `${AGENCY_KIND_LABEL[performer.agencyKind]} ${LEVEL_LABEL[performer.level].toLowerCase()} nơi có hồ sơ`;
  return '—';
}

/** The steps of one version, read-only, in the order the workflow lists them. */
export function StepsTable({ steps, agencyName }: { steps: Step[]; agencyName(code: string): string }) {
  const nameOf = (key: string) => steps.find((step) => step.key === key)?.name ?? key;
  return (
    <Table<Step>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={steps}
      columns={[
        { title: 'STT', width: 56, render: (_, __, index) => index + 1 },
        {
          title: 'Bước',
          render: (_, step) => (
            <>
              <div>{step.name}</div>
              <Typography.Text type="secondary" code>
                {step.key}
              </Typography.Text>
            </>
          ),
        },
        {
          title: 'Loại',
          width: 170,
          render: (_, step) => (
            <Space size={4} wrap>
              <Tag color={step.kind === 'task' ? 'blue' : 'purple'}>{STEP_KIND_LABEL[step.kind]}</Tag>
              {step.optional && <Tag>Có thể bỏ qua</Tag>}
            </Space>
          ),
        },
        { title: 'Vai trò', dataIndex: 'role', width: 160, render: (role?: Step['role']) => (role ? ROLE_LABEL[role] : '—') },
        { title: 'Cơ quan thực hiện', dataIndex: 'performer', render: (performer: Step['performer']) => performerText(performer, agencyName) },
        { title: 'Thời hạn', dataIndex: 'budget', width: 150, render: (budget?: Step['budget']) => (budget ? durationText(budget) : '—') },
        {
          title: 'Bước tiếp theo',
          dataIndex: 'next',
          render: (next: string[]) => (next.length === 0 ? <Tag color="green">Trả kết quả, kết thúc</Tag> : next.map((key) => <div key={key}>→ {nameOf(key)}</div>)),
        },
      ]}
    />
  );
}

/** How a step is written, for the administrator who edits the JSON. */
const STEPS_HELP = [
  ['key', 'mã bước: chữ thường không dấu, chữ số, dấu gạch ngang'],
  ['kind', '"task" (công việc), "fork" (tách nhánh song song) hoặc "join" (hợp nhánh, kèm "fork": mã bước tách nhánh)'],
  ['name', 'tên bước'],
  ['performer', '{"receivingAgency": true}, {"agencyCode": "000.00.12.H56"} hoặc {"agencyKind": "LAND_REGISTRY", "level": "district"}'],
  ['role', 'RECEPTION, PROCESSOR hoặc LEADER'],
  ['budget', 'thời hạn của bước, ví dụ {"amount": 2, "unit": "working_days"} (working_hours, half_days, working_days)'],
  ['next', 'mã các bước tiếp theo; bước đầu tiên là nơi quy trình bắt đầu, bước cuối (next rỗng) là trả kết quả, vai trò RECEPTION'],
];

/** Reads the editor's text: a list of steps, or a whole `{ "steps": [...] }` document. */
function parseSteps(text: string): Step[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The engine's own message is English; where it went wrong is what the administrator needs.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return `Nội dung chưa đúng định dạng JSON${position ? ` (lỗi ở ký tự thứ ${Number(position) + 1})` : ''}.`;
  }
  const steps = Array.isArray(parsed) ? parsed : (parsed as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) ? (steps as Step[]) : 'Nội dung phải là danh sách các bước: [ { "key": …, "kind": …, … } ].';
}

/** The steps as JSON, checked by the API, which names every problem with its path ("steps[2].role"). */
function WorkflowEditor({
  procedure,
  variant,
  startingSteps,
  onClose,
  onPublished,
}: {
  procedure: Procedure;
  variant: string;
  startingSteps: Step[];
  onClose(): void;
  onPublished(version: WorkflowVersion): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(startingSteps, null, 2));
  const [problems, setProblems] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);
  const variantName = procedure.variants.find((item) => item.key === variant)?.name;

  async function publish() {
    const steps = parseSteps(text);
    if (typeof steps === 'string') {
      setProblems([steps]);
      return;
    }
    setPublishing(true);
    setProblems([]);
    try {
      onPublished(await unwrap(api.POST('/api/procedures/{code}/workflow-versions', { params: { path: { code: procedure.code } }, body: { variant: variant || null, steps } })));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setProblems(fields.length > 0 ? fields.map((problem) => `${problem.field}: ${reasonText(problem.reason)}`) : [errorText(error)]);
    } finally {
      setPublishing(false);
    }
  }

  return (
    <Modal
      open
      width={960}
      title={`Công bố phiên bản mới: ${variantName ? `trường hợp “${variantName}”` : 'quy trình chung'}`}
      okText="Công bố"
      cancelText="Hủy"
      confirmLoading={publishing}
      onOk={publish}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">Hồ sơ đã tiếp nhận tiếp tục xử lý theo phiên bản cũ; hồ sơ tiếp nhận sau khi công bố theo phiên bản mới.</Typography.Paragraph>
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'help',
            label: 'Cách khai báo một bước',
            children: (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {STEPS_HELP.map(([field, text]) => (
                  <li key={field}>
                    <Typography.Text code>{field}</Typography.Text>: {text}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <Input.TextArea
        aria-label="Các bước của quy trình (JSON)"
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 12, maxRows: 18 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title="Quy trình chưa hợp lệ, chưa được công bố:"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="Các lỗi của quy trình">
              {problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
