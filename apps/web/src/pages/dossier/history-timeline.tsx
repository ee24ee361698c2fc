import { Empty, Tag, Timeline, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { CHANNEL_LABEL, formatDateTime } from '../../format';
import { HISTORY_LABEL, RESULT_LABEL, TASK_ACTION_LABEL, type TaskAction } from './labels';
import { destinationOf, previousTask, stepPlace, type WorkflowStep } from './workflow';

type HistoryEntry = Schemas['HistoryEntryDto'];
type Dossier = Schemas['DossierResponseDto'];
/** The API types `details` loosely: each action writes its own fields. */
type Details = Record<string, unknown>;

/** Setbacks, shown in red; their note is a reason rather than an officer's opinion. */
const SETBACKS = new Set(['refuse', 'stop', 'withdraw', 'apology']);
const FINISHING = new Set(['resolve', 'return']);

const setback = (entry: HistoryEntry, details: Details) => SETBACKS.has(entry.action) || details.taskAction === 'reject' || details.taskAction === 'return';

/** Explicit colours: the console's primary colour is red, which must stay for setbacks. */
function color(entry: HistoryEntry, details: Details): string {
  if (setback(entry, details)) return '#cf1322';
  if (FINISHING.has(entry.action)) return '#389e0d';
  return entry.actorName ? '#1677ff' : '#8c8c8c';
}

/** "Hoàn thành bước «Đối chiếu và chứng thực»: Chuyển bước tiếp theo" for a step; the action's name otherwise. */
function title(entry: HistoryEntry, details: Details): string {
  if (entry.action === 'complete-step' && typeof details.stepName === 'string') {
    const decision = TASK_ACTION_LABEL[details.taskAction as TaskAction];
    return `Hoàn thành bước «${details.stepName}»${decision ? `: ${decision}` : ''}`;
  }
  return HISTORY_LABEL[entry.action] ?? entry.action;
}

/** Where a completed step sent the dossier, from its workflow and route; nothing when they cannot say (a join, no workflow yet). */
function whereTo(details: Details, steps: WorkflowStep[], dossier: Pick<Dossier, 'routes'>): string | undefined {
  if (typeof details.step !== 'string' || steps.length === 0) return undefined;
  switch (details.taskAction) {
    case 'forward':
    case 'approve':
    case 'skip': {
      const destination = destinationOf(steps, details.step, dossier);
      return destination && `Chuyển đến: ${destination}`;
    }
    case 'return': {
      const target = typeof details.targetStep === 'string' ? steps.find((step) => step.key === details.targetStep) : previousTask(steps, details.step);
      return target && `Trả về bước: ${stepPlace(target, dossier)}`;
    }
    case 'reject': {
      const returnDesk = steps.find((step) => step.kind === 'task' && step.next.length === 0);
      return returnDesk && `Chuyển về: ${stepPlace(returnDesk, dossier)}`;
    }
    default:
      return undefined;
  }
}

/** The facts an entry carries beyond its note: where it sent the dossier, the appointment it set, what was asked for, how the result went out. */
function facts(entry: HistoryEntry, details: Details, steps: WorkflowStep[], dossier: Pick<Dossier, 'routes'>): string[] {
  const lines: string[] = [];
  const destination = entry.action === 'complete-step' ? whereTo(details, steps, dossier) : undefined;
  if (destination) lines.push(destination);
  if (entry.action === 'accept' && typeof details.dueAt === 'string') lines.push(`Hẹn trả kết quả: ${formatDateTime(details.dueAt)}`);
  if (entry.action === 'apology' && typeof details.newDueAt === 'string') lines.push(`Hẹn lại ngày trả: ${formatDateTime(details.newDueAt)}`);
  if (entry.action === 'reproject' && typeof details.to === 'string') lines.push(`Ngày hẹn mới: ${formatDateTime(details.to)}`);
  if (entry.action === 'return' && typeof details.method === 'string') lines.push(`Hình thức nhận: ${CHANNEL_LABEL[details.method] ?? details.method}`);
  if (Array.isArray(details.items)) {
    for (const item of details.items as { what: string; why: string }[]) lines.push(`Cần bổ sung: ${item.what} (${item.why})`);
  }
  return lines;
}

/** The dossier's history, oldest first: when, who, what, the officer's note, and (given its workflow) where each step sent it. */
export function HistoryTimeline({ history, steps = [], dossier }: { history: HistoryEntry[]; steps?: WorkflowStep[]; dossier: Pick<Dossier, 'routes'> }) {
  if (history.length === 0) return <Empty description="Chưa có diễn biến" />;
  return (
    <Timeline
      aria-label="Quá trình xử lý hồ sơ"
      items={history.map((entry, index) => {
        const details = (entry.details ?? {}) as Details;
        const result = RESULT_LABEL[String(details.result)];
        return {
          key: index,
          color: color(entry, details),
          content: (
            <div data-testid="history-entry">
              <Typography.Text strong>{title(entry, details)}</Typography.Text>
              {result && (
                <Tag color={result.color} style={{ marginLeft: 8 }}>
                  {result.text}
                </Tag>
              )}
              <div>
                <Typography.Text type="secondary">
                  {formatDateTime(entry.at)} · {entry.actorName ?? 'Hệ thống'}
                </Typography.Text>
              </div>
              {entry.note && (
                <div>
                  {setback(entry, details) ? 'Lý do' : 'Ý kiến'}: {entry.note}
                </div>
              )}
              {facts(entry, details, steps, dossier).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
