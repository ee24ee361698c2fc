import { Injectable } from '@nestjs/common';
import { CalendarService } from '@motcua/calendar';
import { CatalogService } from '@motcua/catalog';
import { Clock } from '@motcua/config';
import {
  classifyTimeliness,
  DomainError,
  historyRecord,
  isActionAllowed,
  latestExpiredRequest,
  openSupplementRequest,
  Dossier,
  DossierStatus,
  StepState,
  supplementLimit,
  Task,
  WorkflowNavigator,
  WorkflowStep,
  WorkingCalendar,
} from '@motcua/domain';
import { DossiersRepository, OutboxRepository, TasksRepository, Transaction } from '@motcua/persistence';
import { dueWithPauses } from '@motcua/dossiers';
import { EVENTS, EventJob } from '@motcua/queue';

/** Share of a step's budget after which it is due soon. */
export const DUE_SOON_SHARE = 0.8;

/**
 * Carries dossiers through their workflows: the worker starts received dossiers, stops expired
 * supplements and re-projects deadlines (each event handler one transaction that first records the
 * outbox event as processed, so a redelivered job changes nothing); a completed step is routed on
 * inside the completing transaction (`advance`).
 */
@Injectable()
export class WorkflowEngine {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly tasks: TasksRepository,
    private readonly outbox: OutboxRepository,
    private readonly catalog: CatalogService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** dossier.received: IN_PROCESS, and the first step(s) become tasks. */
  async start(event: EventJob): Promise<void> {
    const { navigator, calendar } = await this.prepare(event.aggregateId);
    await this.dossiers.transaction(async (tx) => {
      if (!(await this.outbox.markProcessed(event.outboxId, tx))) return;
      const dossier = await this.dossiers.lockById(tx, event.aggregateId);
      // An event without its dossier is bad data: failing every attempt sends it to the dead letters.
      if (!dossier) throw DomainError.notFound('Dossier', event.aggregateId);
      if (!isActionAllowed('start', dossier.status)) return;
      const now = this.clock.now();
      const started = await this.dossiers.change(tx, dossier, { changes: { status: DossierStatus.IN_PROCESS }, history: historyRecord(null, 'start') }, now);
      await this.open(tx, started, navigator, navigator.firstTasks(), new Map(), now, calendar);
    });
  }

  /**
   * Routes a dossier on from a step just completed, inside the completing transaction and on its
   * locked rows: the next step(s), a step sent back to, or the return desk after a rejection. Every
   * completion of a parallel branch holds the dossier's lock in turn, so exactly one of them sees the
   * join complete and opens what follows it.
   */
  async advance(tx: Transaction, dossier: Dossier, task: Task, targetStep: string | undefined, navigator: WorkflowNavigator, now: Date): Promise<void> {
    const calendar = await this.calendar.current();
    const latest = await this.tasks.latest(tx, dossier.id);
    switch (task.action) {
      case 'return':
        await this.open(tx, dossier, navigator, [navigator.step(targetStep ?? navigator.previousTask(task.stepKey)!.key)], latest, now, calendar);
        return;
      case 'reject':
        await this.tasks.cancelOpen(tx, dossier.id);
        await this.open(tx, dossier, navigator, [navigator.returnDesk()], latest, now, calendar);
        return;
      default: {
        const states: Record<string, StepState> = {};
        for (const [key, current] of latest) states[key] = current.status;
        await this.open(tx, dossier, navigator, navigator.tasksAfter(task.stepKey, states), latest, now, calendar);
      }
    }
  }

  /**
   * calendar.changed: re-projects every open deadline, dossiers' and steps', on the new calendar, and
   * notes each moved appointment in the dossier's history.
   */
  async reproject(event: EventJob): Promise<number> {
    this.calendar.invalidate();
    const calendar = await this.calendar.current();
    let moved = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const batch = await this.dossiers.openAfter(after, 500);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      for (const open of batch) {
        await this.dossiers.transaction(async (tx) => {
          const dossier = (await this.dossiers.lockById(tx, open.id))!;
          // It may have been resolved or closed since the batch was read.
          if (!isActionAllowed('reproject', dossier.status)) return;
          const dueAt = dueWithPauses(calendar, dossier);
          if (dueAt && dossier.dueAt && dueAt.getTime() !== dossier.dueAt.getTime()) {
            await this.dossiers.change(tx, dossier, { changes: { dueAt }, history: historyRecord(null, 'reproject', { details: { from: dossier.dueAt, to: dueAt } }) }, this.clock.now());
            moved++;
          }
          for (const task of (await this.tasks.latest(tx, dossier.id)).values()) {
            if (task.status !== 'open' && task.status !== 'claimed') continue;
            const pauses = dossier.pauses.map((pause) => ({ from: new Date(pause.from), to: pause.to === null ? null : new Date(pause.to) }));
            const taskDue = calendar.deadlineWithPauses({ start: task.activatedAt, ...task.budget, pauses: pauses.filter((pause) => !pause.to || pause.to > task.activatedAt), mode: 'resume' });
            if (taskDue && task.dueAt && taskDue.getTime() !== task.dueAt.getTime()) {
              const dueSoonAt = calendar.addWorkingTime(task.activatedAt, Math.max(0, calendar.workingTimeBetween(task.activatedAt, taskDue)) * DUE_SOON_SHARE);
              await this.tasks.update(tx, task, { dueAt: taskDue, dueSoonAt });
            }
          }
        });
      }
    }
    await this.outbox.markProcessed(event.outboxId);
    return moved;
  }

  /**
   * A dossier whose papers have not come within 15 working days of the request is STOPPED (the
   * legal rule); its tasks leave the inboxes.
   */
  async stopExpiredSupplements(now: Date): Promise<number> {
    const calendar = await this.calendar.current();
    let stopped = 0;
    for (const waiting of await this.dossiers.awaitingSupplement(latestExpiredRequest(calendar, now))) {
      const asked = openSupplementRequest(waiting.pauses);
      if (!asked || now < supplementLimit(calendar, new Date(asked.from))) continue;
      await this.dossiers.transaction(async (tx) => {
        const dossier = (await this.dossiers.lockById(tx, waiting.id))!;
        const open = openSupplementRequest(dossier.pauses);
        if (!isActionAllowed('stopExpiredSupplement', dossier.status) || !dossier.receivedAt || !open || now < supplementLimit(calendar, new Date(open.from))) return;
        const pauses = dossier.pauses.map((pause) => (pause.to === null ? { ...pause, to: now.toISOString() } : pause));
        await this.tasks.cancelOpen(tx, dossier.id);
        await this.dossiers.change(
          tx,
          dossier,
          {
            changes: { status: DossierStatus.STOPPED, closedAt: now, pauses, finishedAt: now, timeliness: classifyTimeliness(now, dossier.dueAt!) },
            history: historyRecord(null, 'stop', { note: 'Quá 15 ngày làm việc không bổ sung hồ sơ' }),
          },
          now,
        );
        stopped++;
      });
    }
    return stopped;
  }

  private async prepare(dossierId: string): Promise<{ navigator: WorkflowNavigator; calendar: WorkingCalendar }> {
    const dossier = await this.dossiers.findById(dossierId);
    const calendar = await this.calendar.current();
    if (!dossier?.workflowVersion) return { navigator: new WorkflowNavigator({ steps: [] }), calendar };
    const workflow = await this.catalog.version(dossier.procedureCode, dossier.workflowVariant, dossier.workflowVersion);
    return { navigator: new WorkflowNavigator(workflow.definition), calendar };
  }

  /**
   * Opens tasks for steps, each with its own deadline from its budget. Reaching the return desk means
   * processing is over: the dossier is RESOLVED (its end of processing for the on-time statistics).
   */
  private async open(tx: Transaction, dossier: Dossier, navigator: WorkflowNavigator, steps: WorkflowStep[], latest: Map<string, Task>, now: Date, calendar: WorkingCalendar): Promise<void> {
    if (steps.length === 0) return;
    const opened = await this.tasks.insert(
      tx,
      steps.map((step) => {
        const dueAt = calendar.deadline({ start: now, ...step.budget! });
        const dueSoonAt = calendar.addWorkingTime(now, Math.max(0, calendar.workingTimeBetween(now, dueAt)) * DUE_SOON_SHARE);
        return {
          dossierId: dossier.id,
          stepKey: step.key,
          stepName: step.name,
          activation: (latest.get(step.key)?.activation ?? 0) + 1,
          agencyId: dossier.routes![step.key],
          role: step.role!,
          optional: step.optional ?? false,
          budget: step.budget!,
          activatedAt: now,
          dueSoonAt,
          dueAt,
        };
      }),
    );
    await this.outbox.append(
      tx,
      opened.map((task) => ({ topic: EVENTS.taskOpened, aggregateId: task.id, payload: { dueSoonAt: task.dueSoonAt, dueAt: task.dueAt } })),
    );
    if (steps.some((step) => step.key === navigator.returnDesk().key)) {
      const changes = { status: DossierStatus.RESOLVED, resolvedAt: now, finishedAt: now, timeliness: classifyTimeliness(now, dossier.dueAt!) };
      await this.dossiers.change(tx, dossier, { changes, history: historyRecord(null, 'resolve') }, now);
    }
  }
}
