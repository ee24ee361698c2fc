import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, type DescriptionsProps, Result, Row, Space, Spin, Table, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { errorText } from '../api/errors';
import { useApi, useErrorMessage } from '../api/use-api';
import { DeadlineTag } from '../components/deadline-tag';
import { StatusTag } from '../components/status-tag';
import { CHANNEL_LABEL, durationText, formatDate, formatDateTime } from '../format';
import { type Role, useSession } from '../session';
import { ApologyButton } from './dossier/apology';
import { DossierFiles, type FileKind } from './dossier/files';
import { CurrentSteps } from './dossier/current-steps';
import { HistoryTimeline } from './dossier/history-timeline';
import { SlipButtons } from './dossier/slips';
import { dossierWorkflow } from './dossier/workflow';

type Dossier = Schemas['DossierResponseDto'];

/** The roles with an inbox, who may act on the dossier's steps waiting for them. */
const INBOX_ROLES: readonly Role[] = ['PROCESSOR', 'LEADER', 'RECEPTION'];

/** Everything about one dossier: who filed what, when it is due, where it is now, what happened to it, its slips. */
export function DossierPage() {
  const code = useParams().code ?? '';
  const { user } = useSession();
  const role = user?.role;
  const dossier = useApi(code, () => unwrap(api.GET('/api/dossiers/{code}', { params: { path: { code } } })));
  const tasks = useApi(`${code}/${role}`, async () => (role && INBOX_ROLES.includes(role) ? (await unwrap(api.GET('/api/tasks', { params: { query: { dossier: code } } }))).items : []));
  // The workflow names each step's next one in the history and the reasons a step was sent back.
  const version = dossier.data?.workflowVersion;
  const workflow = useApi(version != null ? `${code}/${version}` : null, () => dossierWorkflow(dossier.data!));
  useErrorMessage(workflow.error);
  const reload = () => {
    dossier.reload();
    tasks.reload();
  };

  if (dossier.error) {
    const missing = dossier.error instanceof ApiError && (dossier.error.status === 404 || dossier.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? `Không tìm thấy hồ sơ ${code}` : errorText(dossier.error)}
        subTitle={missing ? 'Mã hồ sơ không đúng hoặc hồ sơ không thuộc phạm vi quản lý của ông/bà.' : undefined}
        extra={<Link to="/ho-so">Quay lại tra cứu hồ sơ</Link>}
      />
    );
  }
  if (!dossier.data) return <Spin size="large" description="Đang tải hồ sơ…" style={{ display: 'block', marginTop: 80 }} />;

  const current = dossier.data;
  const history = current.history ?? [];
  const open = !current.resolvedAt && !current.closedAt;
  const rescheduled = rescheduledTo(current);
  // Only an agency working on the dossier may apologise for it, once, before processing ends.
  const mayApologise = (role === 'PROCESSOR' || role === 'LEADER') && open && (tasks.data?.length ?? 0) > 0 && !rescheduled;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/ho-so">
        <ArrowLeftOutlined /> Tra cứu hồ sơ
      </Link>
      <Card>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Title level={3} style={{ margin: 0 }}>
              Hồ sơ {current.code}
            </Typography.Title>
            <Tooltip title="Công dân tra cứu hồ sơ bằng mã hồ sơ cùng số xác thực này">
              <Typography.Text>
                Số xác thực:{' '}
                <Typography.Text strong copyable={{ tooltips: ['Sao chép số xác thực', 'Đã sao chép'] }}>
                  {current.verifier}
                </Typography.Text>
              </Typography.Text>
            </Tooltip>
            <StatusTag status={current.status} label={current.statusLabel} />
            <DeadlineTag overdue={current.overdue} />
          </Space>
          <Typography.Text>{current.procedureName}</Typography.Text>
          {current.dueText && <Typography.Text type={current.overdue ? 'danger' : 'secondary'}>Hẹn trả kết quả: {current.dueText}</Typography.Text>}
          {rescheduled && <Typography.Text>Đã xin lỗi, hẹn lại ngày trả: {formatDateTime(rescheduled)}</Typography.Text>}
          <Space wrap style={{ marginTop: 8 }}>
            <SlipButtons dossier={current} />
            {mayApologise && <ApologyButton dossier={current} onDone={reload} />}
          </Space>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="Thông tin hồ sơ">
              <Descriptions bordered size="small" column={1} items={details(current)} />
            </Card>
            <Card title="Giấy tờ đã nhận">
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={current.documents}
                locale={{ emptyText: 'Chưa ghi nhận giấy tờ' }}
                columns={[
                  { title: 'Tên giấy tờ', dataIndex: 'name' },
                  { title: 'Bản chính', dataIndex: 'originals', align: 'right', width: 110 },
                  { title: 'Bản sao', dataIndex: 'copies', align: 'right', width: 110 },
                ]}
              />
            </Card>
            <Card title="Tệp hồ sơ">
              <DossierFiles dossier={current} kinds={open ? uploadsFor(role, tasks.data ?? []) : []} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="Đang xử lý tại">
              <CurrentSteps dossier={current} steps={workflow.data ?? []} ownTasks={tasks.data ?? []} ownTasksError={tasks.error} onChanged={reload} />
            </Card>
            <Card title="Quá trình xử lý">
              <HistoryTimeline history={history} steps={workflow.data} dossier={current} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** What the caller may attach: the counter its papers, an officer with a step its working papers, and its result once claimed. */
function uploadsFor(role: Role | undefined, tasks: { status: string }[]): FileKind[] {
  if (role === 'RECEPTION') return ['paper'];
  if ((role === 'PROCESSOR' || role === 'LEADER') && tasks.length > 0) return tasks.some((task) => task.status === 'claimed') ? ['working', 'result'] : ['working'];
  return [];
}

/** The new return date of the agency's apology, if it made one (the dossier's appointment stays, for the statistics). */
function rescheduledTo(dossier: Dossier): string | undefined {
  const apology = (dossier.history ?? []).find((entry) => entry.action === 'apology');
  return (apology?.details as { newDueAt?: string } | null)?.newDueAt;
}

/** The dossier's facts, leaving out what it does not have (no proxy, not yet resolved…). */
function details(dossier: Dossier): DescriptionsProps['items'] {
  const { applicant, proxy } = dossier;
  const newDueAt = rescheduledTo(dossier);
  const rows: [string, ReactNode | null | undefined][] = [
    ['Thủ tục', `${dossier.procedureName} (${dossier.procedureCode})`],
    ['Lĩnh vực', dossier.procedureField],
    ['Trường hợp', dossier.variant],
    ['Người nộp', `${applicant.fullName}${applicant.kind === 'organisation' ? ' (tổ chức)' : ''}`],
    [applicant.kind === 'organisation' ? 'Mã số thuế' : 'Số CCCD', applicant.idNumber],
    ['Ngày sinh', applicant.dateOfBirth && formatDate(applicant.dateOfBirth)],
    ['Địa chỉ', dossier.applicantAddress ?? applicant.address.line],
    ['Điện thoại', applicant.phone],
    ['Thư điện tử', applicant.email],
    ['Người được ủy quyền', proxy && `${proxy.fullName}, CCCD ${proxy.idNumber}; ${proxy.authorization}`],
    ['Kênh nộp', CHANNEL_LABEL[dossier.channel]],
    ['Thời điểm nộp', formatDateTime(dossier.submittedAt)],
    ['Thời điểm tiếp nhận', dossier.receivedAt && formatDateTime(dossier.receivedAt)],
    ['Thời hạn giải quyết', durationText(dossier.legalTime)],
    ['Hẹn trả kết quả', dossier.appointmentAt && formatDateTime(dossier.appointmentAt)],
    ['Ngày hẹn ban đầu', dossier.originalDueAt && dossier.originalDueAt !== dossier.appointmentAt ? formatDateTime(dossier.originalDueAt) : null],
    ['Hẹn lại (phiếu xin lỗi)', newDueAt && formatDateTime(newDueAt)],
    ['Giấy tờ cần bổ sung', dossier.status === 'SUPPLEMENT_REQUESTED' && dossier.supplementRequest?.map((item) => <div key={item.what}>{`${item.what}: ${item.why}`}</div>)],
    ['Lý do từ chối', dossier.refusalReason],
    ['Có kết quả lúc', dossier.resolvedAt && formatDateTime(dossier.resolvedAt)],
    ['Trả kết quả lúc', dossier.returnedAt && `${formatDateTime(dossier.returnedAt)}${dossier.returnMethod ? ` (${CHANNEL_LABEL[dossier.returnMethod] ?? dossier.returnMethod})` : ''}`],
    ['Ghi chú', dossier.notes],
  ];
  return rows.filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== false).map(([label, value]) => ({ key: label, label, children: value }));
}
