import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ReportsRepository } from '@motcua/persistence';

/** How often the projector looks for queued dossier changes. */
const POLL_MS = 1000;

/**
 * Keeps the report roll-ups current: every second, projects the dossier changes the trigger queued,
 * in batches, one projector at a time (an advisory lock in report_project; a worker that finds it taken
 * skips its turn instead of waiting). Reports also catch up before reading, so this only keeps the queue short.
 */
@Injectable()
export class ReportProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportProjector.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly reports: ReportsRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.reports
        .catchUpIfFree()
        .catch((error: Error) => this.logger.warn(`Report projection paused: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
