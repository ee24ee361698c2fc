import type { Role } from '../auth';
import type { Timeliness } from '../calendar';
import type { Duration, StepState } from '../catalog';

/** What a processor does with a task (and what the control slip records). */
export const TASK_ACTIONS = ['forward', 'approve', 'return', 'request-supplement', 'request-payment', 'reject', 'skip'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** One activation of a workflow step for one dossier: an item in an agency's inbox. */
export interface Task {
  id: string;
  dossierId: string;
  stepKey: string;
  stepName: string;
  activation: number;
  agencyId: string;
  role: Role;
  optional: boolean;
  status: StepState;
  assigneeId: string | null;
  budget: Duration;
  activatedAt: Date;
  dueSoonAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  action: TaskAction | null;
  result: Timeliness | null;
  note: string | null;
  version: number;
}
