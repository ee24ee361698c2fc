/**
 * The queues and job names, declared once. Outbox topics are the job names of the events queue: the
 * relay publishes each committed outbox row as a job named after its topic (job id: the outbox id and
 * its delivery number), so a replay after a crash adds nothing twice.
 */
export const QUEUES = {
  /** Dossier and task events, from the outbox. */
  events: 'dossier-events',
  /** Wake-ups at due-soon and deadline instants, and the periodic sweep. */
  timers: 'deadline-timers',
} as const;

export const EVENTS = {
  dossierReceived: 'dossier.received',
  taskOpened: 'task.opened',
  calendarChanged: 'calendar.changed',
} as const;
export type EventTopic = (typeof EVENTS)[keyof typeof EVENTS];

/** Each topic's payload, as the outbox row carries it (instants as ISO strings: it went through JSON). */
export interface EventPayloads {
  /** aggregateId: the dossier. */
  'dossier.received': { code: string };
  /** aggregateId: the task. */
  'task.opened': { dueSoonAt: string | null; dueAt: string | null };
  /** aggregateId: the administrator who edited the calendar. */
  'calendar.changed': { year: number };
}

export const TIMER_JOBS = {
  dueSoon: 'task.due-soon',
  overdue: 'task.overdue',
  sweep: 'sweep',
} as const;

export interface EventJob<T extends EventTopic = EventTopic> {
  outboxId: string;
  aggregateId: string;
  payload: EventPayloads[T];
}

/** The events queue's job id for one delivery of an outbox row: a new delivery is a new job. */
export function eventJobId(outboxId: string, delivery: number): string {
  return `outbox-${outboxId}-${delivery}`;
}

export interface TimerJob {
  taskId: string;
}
