import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Clock } from '@motcua/config';
import { TasksRepository } from '@motcua/persistence';
import { QUEUES, TIMER_JOBS, TimerJob } from '@motcua/queue';
import { Notifier, WorkflowEngine } from '@motcua/workflow';
import { LoggedWorkerHost } from '../logged-worker-host';

const SWEEP_EVERY_MS = 60_000;
const SWEEP_BATCH = 1000;

/**
 * Wake-ups at due-soon and deadline instants, and a sweep every minute. The sweep alone is enough for
 * correctness: it reads the deadlines PostgreSQL holds; the wake-ups only make notices prompt.
 */
@Processor(QUEUES.timers, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class TimersProcessor extends LoggedWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly notifier: Notifier,
    private readonly tasks: TasksRepository,
    private readonly engine: WorkflowEngine,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue<TimerJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.timers.upsertJobScheduler(TIMER_JOBS.sweep, { every: SWEEP_EVERY_MS }, { name: TIMER_JOBS.sweep });
  }

  async process(job: Job<TimerJob>): Promise<void> {
    const now = this.clock.now();
    switch (job.name) {
      case TIMER_JOBS.dueSoon:
        await this.notifier.notify(job.data.taskId, 'due_soon', now);
        return;
      case TIMER_JOBS.overdue:
        await this.notifier.notify(job.data.taskId, 'overdue', now);
        return;
      case TIMER_JOBS.sweep:
        await this.sweep(now);
        return;
      default:
        throw new Error(`No handler for timer '${job.name}'`);
    }
  }

  /** Everything past a mark without its notice, and supplements past their limit. */
  async sweep(now: Date): Promise<void> {
    let notified = 0;
    for (const task of await this.tasks.openPast('due_soon_at', now, SWEEP_BATCH)) notified += await this.notifier.notify(task.id, 'due_soon', now);
    for (const task of await this.tasks.openPast('due_at', now, SWEEP_BATCH)) notified += await this.notifier.notify(task.id, 'overdue', now);
    const stopped = await this.engine.stopExpiredSupplements(now);
    if (notified || stopped) this.logger.log(`Sweep: ${notified} notifications, ${stopped} dossiers stopped`);
  }
}
