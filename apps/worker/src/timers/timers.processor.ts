import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig, Clock } from '@motcua/config';
import { TasksRepository } from '@motcua/persistence';
import { QUEUES, TIMER_JOBS, TimerJob } from '@motcua/queue';
import { Notifier, WorkflowEngine } from '@motcua/workflow';
import { LoggedWorkerHost } from '../logged-worker-host';

const SWEEP_BATCH = 1000;

/**
 * Wake-ups at due-soon and deadline instants, and a sweep every SWEEP_INTERVAL_MS. The sweep alone is
 * enough for correctness: it reads the deadlines PostgreSQL holds; the wake-ups only make notices
 * prompt. Its repeating job lives in Redis, so the worker checks on the same interval that it still
 * exists and re-creates it when Redis lost it (flushed, restarted empty, keys deleted).
 */
@Processor(QUEUES.timers, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class TimersProcessor extends LoggedWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private check?: NodeJS.Timeout;

  constructor(
    private readonly notifier: Notifier,
    private readonly tasks: TasksRepository,
    private readonly engine: WorkflowEngine,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue<TimerJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSweepScheduled();
    this.check = setInterval(() => {
      this.ensureSweepScheduled().catch((error: Error) => this.logger.warn(`Cannot check the sweep's schedule: ${error.message}`));
    }, this.config.SWEEP_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.check);
  }

  /** Creates the sweep's repeating job if it is missing, or re-creates it if its next run is long overdue (its job was lost). */
  async ensureSweepScheduled(): Promise<boolean> {
    const every = this.config.SWEEP_INTERVAL_MS;
    const scheduler = await this.timers.getJobScheduler(TIMER_JOBS.sweep);
    // Lost if its next run is two intervals late; never less than 30 s, so a busy machine is not taken for a loss.
    const stale = scheduler?.next !== undefined && scheduler.next < Date.now() - Math.max(2 * every, 30_000);
    if (scheduler && !stale) return false;
    if (stale) await this.timers.removeJobScheduler(TIMER_JOBS.sweep);
    await this.timers.upsertJobScheduler(TIMER_JOBS.sweep, { every }, { name: TIMER_JOBS.sweep });
    if (this.check) this.logger.warn('The sweep was missing from Redis: scheduled again');
    return true;
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
    for (const task of await this.tasks.unnoticed('due_soon', now, SWEEP_BATCH)) notified += await this.notifier.notify(task.id, 'due_soon', now);
    for (const task of await this.tasks.unnoticed('overdue', now, SWEEP_BATCH)) notified += await this.notifier.notify(task.id, 'overdue', now);
    const stopped = await this.engine.stopExpiredSupplements(now);
    if (notified || stopped) this.logger.log(`Sweep: ${notified} notifications, ${stopped} dossiers stopped`);
  }
}
