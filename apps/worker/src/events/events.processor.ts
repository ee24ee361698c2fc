import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { Clock } from '@motcua/config';
import { OutboxRepository } from '@motcua/persistence';
import { EventJob, EventTopic, EVENTS, QUEUES, TIMER_JOBS, TimerJob } from '@motcua/queue';
import { WorkflowEngine } from '@motcua/workflow';
import { LoggedWorkerHost } from '../logged-worker-host';

/** Dossier and task events from the outbox, each mapped to one handler (the map is complete by type). */
// A short lock: after a crash, another worker takes over a stalled job within seconds, not minutes.
@Processor(QUEUES.events, { concurrency: 16, lockDuration: 10_000, stalledInterval: 5_000 })
export class EventsProcessor extends LoggedWorkerHost {
  private readonly handlers: { [T in EventTopic]: (job: EventJob<T>) => Promise<void> };

  constructor(
    engine: WorkflowEngine,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue<TimerJob>,
    private readonly clock: Clock,
    private readonly outbox: OutboxRepository,
  ) {
    super();
    this.handlers = {
      [EVENTS.dossierReceived]: (job) => engine.start(job),
      [EVENTS.taskOpened]: (job) => this.scheduleWakeUps(job),
      [EVENTS.calendarChanged]: async (job) => void (await engine.reproject(job)),
    };
  }

  async process(job: Job<EventJob>): Promise<void> {
    if (!(job.name in this.handlers)) throw new Error(`No handler for event '${job.name}'`);
    const topic = job.name as EventTopic;
    await (this.handlers[topic] as (data: EventJob) => Promise<void>)(job.data);
  }

  /** Timers are wake-ups, not truth: the sweep finds any task a lost wake-up would have missed. */
  private async scheduleWakeUps(job: EventJob<typeof EVENTS.taskOpened>): Promise<void> {
    const now = this.clock.now().getTime();
    const { dueSoonAt, dueAt } = job.payload;
    const taskId = job.aggregateId;
    const wakeUps: { name: string; at: number; jobId: string }[] = [];
    if (dueSoonAt) wakeUps.push({ name: TIMER_JOBS.dueSoon, at: Date.parse(dueSoonAt), jobId: `due-soon-${taskId}` });
    if (dueAt) wakeUps.push({ name: TIMER_JOBS.overdue, at: Date.parse(dueAt) + 1000, jobId: `overdue-${taskId}` });
    await this.timers.addBulk(wakeUps.map(({ name, at, jobId }) => ({ name, data: { taskId }, opts: { jobId, delay: Math.max(0, at - now) } })));
    await this.outbox.markProcessed(job.outboxId);
  }
}
