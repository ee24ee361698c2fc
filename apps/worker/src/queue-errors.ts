import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES } from '@motcua/queue';

/**
 * While Redis is unreachable the queues emit 'error' on every reconnection attempt; without a listener
 * BullMQ prints them raw to stderr. They are logged as warnings: the work waits in the outbox.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(
    @InjectQueue(QUEUES.events) private readonly events: Queue,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue,
  ) {}

  onModuleInit(): void {
    for (const queue of [this.events, this.timers]) queue.on('error', (error) => this.logger.warn(`Queue ${queue.name}: ${error.message}`));
  }
}
