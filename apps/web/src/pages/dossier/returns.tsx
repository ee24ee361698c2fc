import { RollbackOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { Schemas } from '../../api/client';
import { previousTask, type WorkflowStep } from './workflow';

type HistoryEntry = Schemas['HistoryEntryDto'];
type StepDetails = { step?: string; stepName?: string; taskAction?: string; targetStep?: string };

/** A decision that sent the dossier back to a step: when, by whom, from which step, and why. */
export interface StepReturn {
  at: string;
  actorName: string | null;
  fromStepName: string;
  reason: string | null;
}

/**
 * Why the dossier is back at `stepKey`: the latest return to it in the history (oldest first), unless
 * the step was completed again since. A return that names no step went to the previous task.
 */
export function latestReturnTo(history: HistoryEntry[], stepKey: string, steps: WorkflowStep[]): StepReturn | undefined {
  for (const entry of [...history].reverse()) {
    if (entry.action !== 'complete-step') continue;
    const details = (entry.details ?? {}) as StepDetails;
    if (details.step === stepKey) return undefined;
    if (details.taskAction !== 'return') continue;
    const target = details.targetStep ?? (details.step ? previousTask(steps, details.step)?.key : undefined);
    if (target === stepKey) return { at: entry.at, actorName: entry.actorName, fromStepName: details.stepName ?? '', reason: entry.note };
  }
  return undefined;
}

/** "Bị trả lại" on a step opened again (its activation above 1): the officer should read why before working it. */
export function ReturnedTag({ activation }: { activation: number }) {
  if (activation <= 1) return null;
  return (
    <Tooltip title={`Hồ sơ quay lại bước này để xử lý lại (lần thứ ${activation}); lý do ghi ở phần xử lý và quá trình xử lý hồ sơ.`}>
      <Tag color="volcano" icon={<RollbackOutlined />}>
        Bị trả lại
      </Tag>
    </Tooltip>
  );
}
