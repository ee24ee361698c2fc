import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@motcua/config';
import { FilesRepository } from '@motcua/persistence';
import { FileStorage } from '@motcua/storage';

/** How often the janitor looks, and how many abandoned uploads it clears per look. */
const POLL_MS = 15 * 60 * 1000;
const BATCH = 500;
/** An upload still unfinished after this long was abandoned: elapsed time, not a working-time deadline. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what uploads that never completed left behind (the API process died mid-way): their row
 * and whatever bytes reached the storage, once they are more than a day old. Completed files are
 * never deleted. Every step is idempotent, so several workers may run it at once.
 */
@Injectable()
export class FilesJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FilesJanitor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly files: FilesRepository,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.clean(this.clock.now())
        .then((removed) => removed > 0 && this.logger.warn(`Removed ${removed} uploads abandoned over a day ago`))
        .catch((error: Error) => this.logger.warn(`File clean-up paused: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Clears uploads begun over a day before `now`; returns how many. */
  async clean(now: Date): Promise<number> {
    let removed = 0;
    for (const upload of await this.files.staleUploads(new Date(now.getTime() - ABANDONED_AFTER_MS), BATCH)) {
      await this.storage.remove(upload.storageKey);
      await this.files.discard(upload.id);
      removed++;
    }
    return removed;
  }
}
