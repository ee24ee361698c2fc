import { Injectable } from '@nestjs/common';
import { DomainError } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { DeadLetter, OutboxRepository } from '@motcua/persistence';

/** Events that failed every delivery, for the system administrators (an event may concern any unit). */
@Injectable()
export class DeadLettersService {
  constructor(private readonly outbox: OutboxRepository) {}

  list(retried: boolean, limit: number, offset: number): Promise<{ items: DeadLetter[]; total: number }> {
    return this.outbox.deadLetters(retried, limit, offset);
  }

  /** Publishes the event again as a new delivery, with its failures forgiven. */
  async retry(actor: Actor, id: string): Promise<DeadLetter> {
    const retried = await this.outbox.retry(id, actor.userId);
    if (!retried) throw DomainError.notFound('Dead letter waiting for a retry', id);
    return retried;
  }
}
