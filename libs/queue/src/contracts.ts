/**
 * The queues and job names, declared once. Outbox topics are the job names of the events queue: the
 * relay publishes each committed outbox row as a job named after its topic, with the outbox id as
 * job id, so a replay after a crash adds nothing twice.
 */
export const QUEUES = {
  /** Dossier and task events, from the outbox. */
  events: 'dossier-events',
  /** Wake-ups at due-soon and deadline instants, and the periodic sweep. */
  timers: 'deadline-timers',
} as const;

export const EVENTS = {
  dossierReceived: 'dossier.received',
  dossierClosed: 'dossier.closed',
  taskCompleted: 'task.completed',
  taskOpened: 'task.opened',
  calendarChanged: 'calendar.changed',
} as const;
export type EventTopic = (typeof EVENTS)[keyof typeof EVENTS];

export const TIMER_JOBS = {
  dueSoon: 'task.due-soon',
  overdue: 'task.overdue',
  sweep: 'sweep',
} as const;

export interface EventJob {
  outboxId: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

export interface TimerJob {
  taskId: string;
}
