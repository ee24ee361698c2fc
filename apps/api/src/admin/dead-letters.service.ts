import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { DeadLetter, OutboxRepository } from '@motcua/persistence';

/**
 * Events that failed every delivery, for the administrators who run the system: those of the
 * province or the nation (an event may concern any unit, so a district's administrator is not one).
 */
@Injectable()
export class DeadLettersService {
  constructor(private readonly outbox: OutboxRepository) {}

  list(actor: Actor, retried: boolean, limit: number, offset: number): Promise<{ items: DeadLetter[]; total: number }> {
    assertOperator(actor);
    return this.outbox.deadLetters(retried, limit, offset);
  }

  /** Publishes the event again as a new delivery, with its failures forgiven. */
  async retry(actor: Actor, id: string): Promise<DeadLetter> {
    assertOperator(actor);
    const retried = await this.outbox.retry(id, actor.userId);
    if (!retried) throw DomainError.notFound('Dead letter waiting for a retry', id);
    return retried;
  }
}

function assertOperator(actor: Actor): void {
  if (actor.scope.unitPath !== null && actor.scope.unitPath.includes('.')) {
    throw new DomainError(ErrorCode.FORBIDDEN, "Only the province's or the nation's administrators see the system's dead letters");
  }
}
