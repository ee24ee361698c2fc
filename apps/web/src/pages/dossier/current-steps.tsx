import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { errorText } from '../../api/errors';
import { DeadlineTag } from '../../components/deadline-tag';
import { formatDateTime, ROLE_LABEL, workingTimeLeft } from '../../format';
import type { InboxItem } from './complete-task';
import { PAUSED_STATUSES } from './labels';
import { latestReturnTo, ReturnedTag } from './returns';
import { TaskActions } from './task-actions';
import type { WorkflowStep } from './workflow';

type Dossier = Schemas['DossierResponseDto'];
type CurrentStep = Schemas['CurrentStepDto'];

/** Why no step is open: not received yet, over, or between two steps (the next opens in a moment). */
function emptyText(dossier: Dossier): string {
  if (dossier.closedAt) return 'Hồ sơ đã kết thúc, không còn bước nào đang xử lý.';
  if (!dossier.receivedAt) return 'Hồ sơ chưa được tiếp nhận, chưa chuyển xử lý.';
  return 'Hồ sơ đang được chuyển sang bước tiếp theo.';
}

/**
 * Where the dossier is now, for every officer who may see it: each open step's agency, step and role,
 * who took it and its deadline; on the viewer's own steps (`ownTasks`, from their inbox), what they can do.
 */
export function CurrentSteps({ dossier, steps, ownTasks, ownTasksError, onChanged }: { dossier: Dossier; steps: WorkflowStep[]; ownTasks: InboxItem[]; ownTasksError: unknown; onChanged(): void }) {
  const current = dossier.currentSteps ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {ownTasksError !== undefined && <Alert type="error" showIcon title={errorText(ownTasksError)} />}
      {PAUSED_STATUSES.includes(dossier.status) && <Alert type="warning" showIcon title={`Hồ sơ đang tạm dừng: ${dossier.statusLabel}.`} />}
      {current.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText(dossier)} />}
      {current.map((step) => (
        <StepCard
          key={`${step.stepKey}/${step.activation}`}
          step={step}
          own={ownTasks.find((task) => task.stepKey === step.stepKey && task.activation === step.activation)}
          returned={step.activation > 1 ? latestReturnTo(dossier.history ?? [], step.stepKey, steps) : undefined}
          onChanged={onChanged}
        />
      ))}
    </Space>
  );
}

function StepCard({ step, own, returned, onChanged }: { step: CurrentStep; own?: InboxItem; returned?: ReturnType<typeof latestReturnTo>; onChanged(): void }) {
  return (
    <Card type="inner" size="small" title={step.agencyName} extra={own && <TaskActions task={own} onChanged={onChanged} />} aria-label={`Bước «${step.stepName}» tại ${step.agencyName}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{step.stepName}</Typography.Text>
          <Tag>{ROLE_LABEL[step.role]}</Tag>
          <ReturnedTag activation={step.activation} />
        </Space>
        <Typography.Text type={step.assigneeName ? undefined : 'secondary'}>
          {step.status === 'claimed' ? `Cán bộ đang xử lý: ${step.assigneeName ?? 'không rõ'}` : 'Chưa có cán bộ nhận xử lý'}
        </Typography.Text>
        {step.dueAt ? (
          <Space size={4} wrap>
            <Typography.Text type={step.overdue ? 'danger' : undefined}>Hạn xử lý: {formatDateTime(step.dueAt)}</Typography.Text>
            {own && <Typography.Text type={own.overdue ? 'danger' : 'secondary'}>({workingTimeLeft(own.timeLeft, own.overdue)})</Typography.Text>}
            <DeadlineTag overdue={step.overdue} dueSoon={own?.dueSoon} />
          </Space>
        ) : (
          <Typography.Text type="secondary">Không giới hạn thời gian</Typography.Text>
        )}
        {returned && (
          <Typography.Text>
            Lý do trả lại (từ bước «{returned.fromStepName}»): {returned.reason ?? 'không ghi lý do'}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
