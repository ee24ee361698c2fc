import { Injectable } from '@nestjs/common';
import { CatalogService } from '@motcua/catalog';
import {
  assertActionAllowed,
  classifyTimeliness,
  DomainError,
  Dossier,
  DossierStatus,
  ErrorCode,
  historyRecord,
  isInScope,
  NATIONAL_SCOPE,
  PauseRecord,
  Role,
  SupplementItem,
  Task,
  TaskAction,
  WorkflowNavigator,
} from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { CappedCount, DossiersRepository, InboxItem, OpenStep, RoutedStep, TasksRepository, UsersRepository, Transaction } from '@motcua/persistence';
import { WorkflowEngine } from './workflow.engine';

export interface CompleteTaskInput {
  action: TaskAction;
  note: string | null;
  /** For 'return': the earlier step to send the dossier back to (default: the previous one). */
  targetStep?: string;
  /** For 'request-supplement': everything missing, at once. */
  items?: SupplementItem[];
}

/** The processors' side of the workflow: inboxes, claims and completed steps, in the API. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly dossiers: DossiersRepository,
    private readonly catalog: CatalogService,
    private readonly engine: WorkflowEngine,
    private readonly users: UsersRepository,
  ) {}

  inbox(actor: Actor, query: { mine: boolean; overdueAt?: Date; dueSoonAt?: Date; dossierCode?: string; limit: number; offset: number }): Promise<{ items: InboxItem[] } & CappedCount> {
    return this.tasks.inbox({
      agencyId: actor.agencyId,
      role: actor.role,
      assigneeId: query.mine ? actor.userId : undefined,
      overdueAt: query.overdueAt,
      dueSoonAt: query.dueSoonAt,
      dossierCode: query.dossierCode,
      limit: query.limit,
      offset: query.offset,
    });
  }

  /**
   * Where a dossier the caller may see is: its open steps, at whatever agency, and the agency each
   * step of its workflow goes to (to name where a decision sends it).
   */
  async whereabouts(dossier: Dossier): Promise<{ openSteps: OpenStep[]; routes: RoutedStep[] }> {
    const [openSteps, routes] = await Promise.all([this.tasks.openSteps(dossier.id), this.tasks.routes(dossier.id)]);
    return { openSteps, routes };
  }

  /** Exactly one of several concurrent claimers wins; the others get 409. */
  async claim(actor: Actor, taskId: string): Promise<Task> {
    await this.ownTask(actor, taskId);
    const claimed = await this.tasks.claim(taskId, actor.userId);
    if (!claimed) throw new DomainError(ErrorCode.STEP_NOT_CLAIMED, 'The step was claimed by someone else or is closed');
    return claimed;
  }

  /**
   * Completes a claimed step and routes the dossier on, in one transaction on the locked task and
   * dossier: of several identical submits exactly one succeeds, the others get STEP_ALREADY_COMPLETED.
   */
  async complete(actor: Actor, taskId: string, input: CompleteTaskInput, now: Date): Promise<Task> {
    const visible = await this.ownTask(actor, taskId);
    const dossier = (await this.dossiers.findById(visible.dossierId))!;
    const workflow = await this.catalog.version(dossier.procedureCode, dossier.workflowVariant, dossier.workflowVersion!);
    const navigator = new WorkflowNavigator(workflow.definition);
    this.checkAction(navigator, visible, input);

    return this.dossiers.transaction(async (tx) => {
      const locked = (await this.dossiers.lockById(tx, visible.dossierId))!;
      const task = (await this.tasks.lock(tx, taskId))!;
      assertCompletable(task, actor);
      assertActionAllowed('completeStep', locked.status, locked.code);
      if (input.action === 'request-supplement' || input.action === 'request-payment') {
        await this.pause(tx, actor, locked, task, input, now);
        return task;
      }
      const done = await this.tasks.update(tx, task, {
        status: input.action === 'skip' ? 'skipped' : 'done',
        completedAt: now,
        completedBy: actor.userId,
        action: input.action,
        result: classifyTimeliness(now, task.dueAt!),
        note: input.note,
      });
      const details = { step: task.stepKey, stepName: task.stepName, taskAction: input.action, result: done.result, dueAt: task.dueAt, targetStep: input.targetStep };
      const recorded = await this.dossiers.change(tx, locked, { changes: {}, history: historyRecord(actor, 'complete-step', { note: input.note, details }) }, now);
      await this.engine.advance(tx, recorded, done, input.targetStep, navigator, now);
      return done;
    });
  }

  /** The dossier waits for the citizen: the clock stops until the papers or the payment arrive. */
  private async pause(tx: Transaction, actor: Actor, dossier: Dossier, task: Task, input: CompleteTaskInput, now: Date): Promise<void> {
    const supplement = input.action === 'request-supplement';
    const to = supplement ? DossierStatus.SUPPLEMENT_REQUESTED : DossierStatus.AWAITING_PAYMENT;
    const pause: PauseRecord = { kind: supplement ? 'supplement' : 'payment', from: now.toISOString(), to: null };
    await this.dossiers.change(
      tx,
      dossier,
      {
        changes: { status: to, pauses: [...dossier.pauses, pause], supplementRequest: supplement ? input.items! : undefined },
        history: historyRecord(actor, input.action, { note: input.note, details: { step: task.stepKey, items: input.items } }),
      },
      now,
    );
  }

  private checkAction(navigator: WorkflowNavigator, task: Task, input: CompleteTaskInput): void {
    const invalid = (field: string, reason: string) => DomainError.field(field, reason);
    if (navigator.returnDesk().key === task.stepKey) throw invalid('action', 'the return desk hands the result over with POST /api/dossiers/{code}/return');
    if (input.action === 'skip' && !task.optional) throw invalid('action', 'only an optional branch may be skipped');
    if (input.action === 'request-supplement' && !input.items?.length) throw invalid('items', 'list everything missing, at once');
    if (input.action === 'return') {
      const target = input.targetStep ?? navigator.previousTask(task.stepKey)?.key;
      if (!target) throw invalid('targetStep', 'name the earlier step to send the dossier back to');
      const step = navigator.step(target);
      if (step.kind !== 'task' || !navigator.isBefore(target, task.stepKey)) throw invalid('targetStep', `'${target}' is not an earlier step`);
    }
    if (input.action !== 'return' && input.targetStep) throw invalid('targetStep', "only a 'return' names a step");
  }

  /**
   * The apology (Phiếu xin lỗi, BM.04) of an agency working on a dossier that will be late: once per
   * dossier, with a reason and a new return date. The dossier still counts as late.
   */
  async apologize(actor: Actor, code: string, reason: string, newDueAt: Date, now: Date): Promise<Dossier> {
    const dossier = await this.dossiers.findByCode(actor.scope, code);
    if (!dossier) throw DomainError.notFound('Dossier', code);
    const handling = (await this.tasks.forDossier(dossier.id)).some((task) => task.agencyId === actor.agencyId);
    if (!handling) throw new DomainError(ErrorCode.FORBIDDEN, 'Only an agency working on the dossier may apologise for it');
    return this.dossiers.transaction(async (tx) => {
      const locked = (await this.dossiers.lockById(tx, dossier.id))!;
      if (locked.apology) throw new DomainError(ErrorCode.APOLOGY_ALREADY_ISSUED, 'The dossier was rescheduled once already; the law allows one apology');
      assertActionAllowed('apologize', locked.status, locked.code);
      if (!(newDueAt > (locked.dueAt ?? now))) throw DomainError.field('newReturnDate', 'must be after the current appointment');
      const apology = { reason, newDueAt: newDueAt.toISOString(), issuedAt: now.toISOString(), issuedBy: actor.fullName };
      return this.dossiers.change(tx, locked, { changes: { apology }, history: historyRecord(actor, 'apology', { note: reason, details: { newDueAt: apology.newDueAt } }) }, now);
    });
  }

  /**
   * Gives a claimed step back to its agency's inbox (its officer is away, or was deactivated): a
   * LEADER of the step's agency, or an ADMIN whose scope holds it. Recorded in the dossier's history.
   */
  async release(actor: Actor, taskId: string, now: Date, note: string | null = null): Promise<Task> {
    await this.manageableTask(actor, taskId);
    return this.reassign(actor, taskId, null, now, note);
  }

  /** Hands a step (open or claimed) to an active officer of its agency with its role, as release does. */
  async assign(actor: Actor, taskId: string, username: string, now: Date): Promise<Task> {
    const { task } = await this.manageableTask(actor, taskId);
    const assignee = await this.users.findByUsername(NATIONAL_SCOPE, username);
    if (!assignee || !assignee.active || assignee.agencyId !== task.agencyId || assignee.role !== task.role) {
      throw DomainError.field('username', `no active ${task.role} of the step's agency has this username`);
    }
    return this.reassign(actor, taskId, { id: assignee.id, fullName: assignee.fullName }, now, null);
  }

  /** Releases every step a user holds: their account was deactivated, so colleagues can take them. */
  async releaseClaimsOf(actor: Actor, userId: string, now: Date): Promise<number> {
    const held = await this.tasks.claimedBy(userId);
    for (const taskId of held) await this.reassign(actor, taskId, null, now, 'Tài khoản của cán bộ đã bị khóa');
    return held.length;
  }

  private async reassign(actor: Actor, taskId: string, assignee: { id: string; fullName: string } | null, now: Date, note: string | null): Promise<Task> {
    const visible = (await this.tasks.find(taskId))!;
    return this.dossiers.transaction(async (tx) => {
      const dossier = (await this.dossiers.lockById(tx, visible.dossierId))!;
      const task = (await this.tasks.lock(tx, taskId))!;
      assertActionAllowed('reassignStep', dossier.status, dossier.code);
      if (task.status === 'done' || task.status === 'skipped') throw new DomainError(ErrorCode.STEP_ALREADY_COMPLETED, `Step '${task.stepName}' was completed already`);
      if (task.status === 'cancelled') throw new DomainError(ErrorCode.STEP_CANCELLED, `Step '${task.stepName}' was cancelled`);
      if (assignee === null && task.status !== 'claimed') throw new DomainError(ErrorCode.STEP_NOT_CLAIMED, 'Nobody holds this step', { status: task.status });
      const changed = await this.tasks.update(tx, task, assignee ? { status: 'claimed', assigneeId: assignee.id } : { status: 'open', assigneeId: null });
      const details = { step: task.stepKey, stepName: task.stepName, from: task.assigneeId, to: assignee?.id ?? null, toName: assignee?.fullName ?? null };
      await this.dossiers.change(tx, dossier, { changes: {}, history: historyRecord(actor, assignee ? 'assign-step' : 'release-step', { note, details }) }, now);
      return changed;
    });
  }

  /** The task, if the caller manages its agency: a LEADER of that agency, or an ADMIN whose scope holds it; else 404. */
  private async manageableTask(actor: Actor, taskId: string): Promise<{ task: Task }> {
    const found = await this.tasks.findWithUnit(taskId);
    const manages =
      found && (actor.role === Role.ADMIN || actor.role === Role.SYSTEM_ADMIN ? isInScope(actor.scope, found.unitPath) : actor.role === Role.LEADER && found.task.agencyId === actor.agencyId);
    if (!manages) throw DomainError.notFound('Task', taskId);
    return { task: found.task };
  }

  /** The task, if it is in the caller's inbox (their agency and role); else 404. */
  private async ownTask(actor: Actor, taskId: string): Promise<Task> {
    const task = await this.tasks.find(taskId);
    if (!task || task.agencyId !== actor.agencyId || task.role !== actor.role) throw DomainError.notFound('Task', taskId);
    return task;
  }
}

/** Only the officer who claimed a step may complete it, once. */
function assertCompletable(task: Task, actor: Actor): void {
  if (task.status === 'done' || task.status === 'skipped') {
    throw new DomainError(ErrorCode.STEP_ALREADY_COMPLETED, `Step '${task.stepName}' was completed already`, { status: task.status, completedAt: task.completedAt });
  }
  if (task.status === 'cancelled') throw new DomainError(ErrorCode.STEP_CANCELLED, `Step '${task.stepName}' was cancelled`, { status: task.status });
  if (task.status !== 'claimed' || task.assigneeId !== actor.userId) {
    throw new DomainError(ErrorCode.STEP_NOT_CLAIMED, 'Claim the step before completing it', { status: task.status });
  }
}
