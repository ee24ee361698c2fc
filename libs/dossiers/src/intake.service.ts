import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CalendarService } from '@motcua/calendar';
import { CatalogService } from '@motcua/catalog';
import { EVENTS } from '@motcua/queue';
import {
  applicantIdentityProblems,
  Actor,
  Applicant,
  assertActionAllowed,
  classifyTimeliness,
  Channel,
  DomainError,
  Dossier,
  DossierAction,
  DossierStatus,
  ErrorCode,
  FieldProblem,
  HistoryDraft,
  HistoryEntry,
  HistoryRecord,
  historyRecord,
  LocalDate,
  localDayRange,
  parseLocalDate,
  NATIONAL_SCOPE,
  PauseRecord,
  Proxy,
  ReceivedDocument,
  RequiredDocument,
  resolveVariant,
  Role,
  SupplementItem,
  toLocalDate,
  formatVerifier,
  VERIFIER_DIGITS,
  WorkingCalendar,
} from '@motcua/domain';
import { RouteResolver } from './route-resolver';
import { AgenciesRepository, AgencyEntity, CappedCount, DossierChanges, DossierQuery, DossiersRepository, TasksRepository, UnitsRepository, Transaction } from '@motcua/persistence';

/** A register book (BM.06) is kept by the year: one request covers at most a leap year's days. */
const REGISTER_MAX_DAYS = 366;

export type IntakeDecision = { action: 'accept' } | { action: 'refuse'; reason: string } | { action: 'request-supplement'; items: SupplementItem[] };

interface Acceptance {
  receivedAt: Date;
  routes: Record<string, string>;
  countingStart: Date;
  dueAt: Date;
}

export interface IntakeInput {
  procedureCode: string;
  variant: string | null;
  channel: Channel;
  applicant: Applicant;
  proxy: Proxy | null;
  documents: { key: string; originals: number; copies: number }[];
  notes: string | null;
  /** Counter filings are decided on the spot (default: accept); online and postal ones wait as SUBMITTED. */
  decision?: IntakeDecision;
}

/**
 * The reception counter: filings come in, are accepted (receipt, code, appointment), sent back for
 * missing papers or refused; supplements, withdrawals and the hand-over of results. Every change is one
 * transaction writing the dossier, a history row and, where the worker must act, an outbox row.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly catalog: CatalogService,
    private readonly agencies: AgenciesRepository,
    private readonly units: UnitsRepository,
    private readonly calendar: CalendarService,
    private readonly routes: RouteResolver,
    private readonly tasks: TasksRepository,
  ) {}

  async submit(actor: Actor, input: IntakeInput, now: Date): Promise<Dossier> {
    const agency = await this.ownAgency(actor);
    const procedure = await this.procedureFor(input.procedureCode);
    if (input.variant !== null && !procedure.definition.variants.some((variant) => variant.key === input.variant)) {
      throw DomainError.field('variant', `procedure ${input.procedureCode} has no variant '${input.variant}'`);
    }
    const { documents: required, legalTime } = resolveVariant(procedure.definition, input.variant, input.channel);
    const documents = matchDocuments(input.documents, required);
    const identity = applicantIdentityProblems(input.applicant, now);
    if (identity.length > 0) throw DomainError.validation(identity, 'The date of birth or the ID number is not right');
    if (!(await this.units.communeExists(input.applicant.address.communeCode))) {
      throw DomainError.field('applicant.address.communeCode', `no commune with code '${input.applicant.address.communeCode}'`);
    }
    const decision = input.decision ?? (input.channel === 'counter' ? { action: 'accept' as const } : undefined);
    if (decision && input.channel !== 'counter') {
      throw DomainError.validation([{ field: 'decision', reason: 'online and postal filings are decided later, from the counter queue' }]);
    }
    const workflowVersion = procedure.workflows.find((workflow) => workflow.variant === input.variant) ?? procedure.workflows.find((workflow) => workflow.variant === null);
    const draft = {
      status: DossierStatus.SUBMITTED,
      channel: input.channel,
      procedureCode: procedure.definition.code,
      variantKey: input.variant,
      procedureName: procedure.definition.name,
      procedureField: procedure.definition.field,
      workflowVersion: workflowVersion?.version ?? null,
      workflowVariant: workflowVersion?.variant ?? null,
      legalTime,
      supplementMode: procedure.definition.supplementMode,
      receivingAgencyId: agency.id,
      receivingUnitPath: agency.unit.path,
      ...unitCodes(agency.unit.path),
      applicant: input.applicant,
      proxy: input.proxy,
      documents,
      notes: input.notes,
      verifier: formatVerifier(randomInt(10 ** VERIFIER_DIGITS)),
      submittedAt: now,
      receivedAt: null,
      countingStart: null,
      dueAt: null,
      originalDueAt: null,
      pauses: [],
      supplementRequest: null,
      refusalReason: null,
      resolvedAt: null,
      returnedAt: null,
      returnMethod: null,
      closedAt: null,
      finishedAt: null,
      timeliness: null,
      createdBy: actor.userId,
      routes: null,
      apology: null,
    };
    if (decision?.action === 'accept') this.assertAcceptable(draft.documents, required, workflowVersion === undefined);
    // Everything read from elsewhere is read before the transaction: it holds the agency's code counter.
    const acceptance = decision?.action === 'accept' ? await this.prepareAcceptance(draft, now) : undefined;

    // Filed and decided in one statement: the agency's code counter is locked only while it runs.
    const submitted: HistoryDraft = { ...historyRecord(actor, 'submit', { details: { channel: input.channel } }), fromStatus: null, toStatus: DossierStatus.SUBMITTED };
    const outcome = decision ? this.outcome(actor, decision, required, now, acceptance) : undefined;
    const history = outcome ? [submitted, { ...outcome.history, fromStatus: DossierStatus.SUBMITTED, toStatus: outcome.changes.status! }] : [submitted];
    return this.dossiers.file({ ...draft, ...outcome?.changes }, agency.code, toLocalDate(now), history, outcome?.topics ?? []);
  }

  /** The counter's decision on a filing waiting as SUBMITTED (or back with papers asked for at intake). */
  async decide(actor: Actor, code: string, decision: IntakeDecision, documents: IntakeInput['documents'] | undefined, now: Date): Promise<Dossier> {
    const visible = await this.visible(actor, code, decisionAction(decision));
    const procedure = await this.procedureFor(visible.procedureCode);
    const { documents: required } = resolveVariant(procedure.definition, visible.variantKey, visible.channel);
    const acceptance = decision.action === 'accept' ? await this.prepareAcceptance(visible, now) : undefined;
    return this.onLocked(visible, decisionAction(decision), async (tx, dossier) => {
      if (dossier.receivedAt !== null) throw notAtIntake(dossier);
      const received = documents ? matchDocuments(documents, required) : dossier.documents;
      if (decision.action === 'accept') this.assertAcceptable(received, required, dossier.workflowVersion === null);
      const { changes, history, topics } = this.outcome(actor, decision, required, now, acceptance);
      const events = topics.map((topic) => ({ topic, aggregateId: dossier.id, payload: { code: dossier.code } }));
      return this.dossiers.change(tx, dossier, { changes: { ...changes, documents: documents && received }, history, events }, now);
    });
  }

  /**
   * The missing papers arrived. At intake the filing goes back to the counter's queue; in processing
   * the clock resumes (paused time excluded) or restarts from zero, per the procedure, and the
   * appointment moves accordingly.
   */
  async supplement(actor: Actor, code: string, documents: IntakeInput['documents'] | undefined, note: string | null, now: Date): Promise<Dossier> {
    const visible = await this.visible(actor, code, 'supplement');
    const procedure = await this.procedureFor(visible.procedureCode);
    const { documents: required } = resolveVariant(procedure.definition, visible.variantKey, visible.channel);
    const calendar = await this.calendar.current();
    return this.onLocked(visible, 'supplement', async (tx, dossier) => {
      const changes: DossierChanges = { supplementRequest: null };
      if (documents) changes.documents = matchDocuments(documents, required);
      if (dossier.receivedAt === null) {
        changes.status = DossierStatus.SUBMITTED;
      } else {
        changes.status = DossierStatus.IN_PROCESS;
        changes.pauses = closeOpenPause(dossier.pauses, now);
        changes.dueAt = dueWithPauses(calendar, { ...dossier, pauses: changes.pauses });
        await this.pushOpenTasks(tx, dossier, calendar, now);
      }
      return this.dossiers.change(tx, dossier, { changes, history: historyRecord(actor, 'supplement', { note, details: { dueAt: changes.dueAt ?? dossier.dueAt } }) }, now);
    });
  }

  /** The citizen's financial obligation is met: the clock runs again. */
  async recordPayment(actor: Actor, code: string, note: string | null, now: Date): Promise<Dossier> {
    const visible = await this.visible(actor, code, 'recordPayment');
    const calendar = await this.calendar.current();
    return this.onLocked(visible, 'recordPayment', async (tx, dossier) => {
      const pauses = closeOpenPause(dossier.pauses, now);
      const dueAt = dueWithPauses(calendar, { ...dossier, pauses });
      await this.pushOpenTasks(tx, dossier, calendar, now);
      return this.dossiers.change(tx, dossier, { changes: { status: DossierStatus.IN_PROCESS, pauses, dueAt }, history: historyRecord(actor, 'payment', { note, details: { dueAt } }) }, now);
    });
  }

  async withdraw(actor: Actor, code: string, reason: string, now: Date): Promise<Dossier> {
    return this.onLocked(await this.visible(actor, code, 'withdraw'), 'withdraw', async (tx, dossier) => {
      await this.tasks.cancelOpen(tx, dossier.id);
      return this.dossiers.change(
        tx,
        dossier,
        { changes: { status: DossierStatus.WITHDRAWN, closedAt: now, pauses: closeOpenPause(dossier.pauses, now) }, history: historyRecord(actor, 'withdraw', { note: reason }) },
        now,
      );
    });
  }

  /** The result is handed over at the desk, by post or online. */
  async returnResult(actor: Actor, code: string, method: Channel, note: string | null, now: Date): Promise<Dossier> {
    return this.onLocked(await this.visible(actor, code, 'return'), 'return', async (tx, dossier) => {
      for (const task of (await this.tasks.latest(tx, dossier.id)).values()) {
        if (task.status === 'open' || task.status === 'claimed') {
          await this.tasks.update(tx, task, { status: 'done', completedAt: now, completedBy: actor.userId, action: 'forward', result: classifyTimeliness(now, task.dueAt!), note });
        }
      }
      return this.dossiers.change(
        tx,
        dossier,
        { changes: { status: DossierStatus.RETURNED, returnedAt: now, returnMethod: method, closedAt: now }, history: historyRecord(actor, 'return', { note, details: { method } }) },
        now,
      );
    });
  }

  list(actor: Actor, query: DossierQuery): Promise<{ items: Dossier[] } & CappedCount> {
    return this.dossiers.list(actor.scope, query);
  }

  /** A page of the register book (BM.06) of one agency in the caller's scope, for local dates [from, to]. */
  async registerPage(actor: Actor, agencyCode: string, from: LocalDate, to: LocalDate, limit: number, offset: number): Promise<{ agency: AgencyEntity; items: Dossier[]; total: number }> {
    const { agency, start, end } = await this.registerPeriod(actor, agencyCode, from, to);
    return { agency, ...(await this.dossiers.registerPage(actor.scope, agency.id, start, end, limit, offset)) };
  }

  /** The whole register book of the period, as a stream of rows (for the CSV download). */
  async registerRows(actor: Actor, agencyCode: string, from: LocalDate, to: LocalDate): Promise<{ agency: AgencyEntity; rows: AsyncIterable<Dossier> }> {
    const { agency, start, end } = await this.registerPeriod(actor, agencyCode, from, to);
    return { agency, rows: this.dossiers.registerRows(actor.scope, agency.id, start, end) };
  }

  /** The agency of a register book, if in scope, and its period (at most a year) as instants. */
  private async registerPeriod(actor: Actor, agencyCode: string, from: LocalDate, to: LocalDate): Promise<{ agency: AgencyEntity; start: Date; end: Date }> {
    const days = parseLocalDate(to) - parseLocalDate(from) + 1;
    if (days < 1) throw DomainError.field('to', 'must not be before from');
    if (days > REGISTER_MAX_DAYS) throw DomainError.field('to', `a register book covers at most ${REGISTER_MAX_DAYS} days (a year)`);
    const agency = await this.agencies.findByCode(actor.scope, agencyCode);
    if (!agency) throw DomainError.notFound('Agency', agencyCode);
    return { agency, ...localDayRange(from, to) };
  }

  async get(actor: Actor, code: string): Promise<{ dossier: Dossier; history: HistoryEntry[] }> {
    const dossier = await this.dossiers.findByCode(actor.scope, code);
    if (!dossier) throw DomainError.notFound('Dossier', code);
    return { dossier, history: await this.dossiers.history(dossier.id) };
  }

  /** What acceptance needs from elsewhere: the routes of the pinned workflow and the appointment. */
  private async prepareAcceptance(
    dossier: Pick<Dossier, 'procedureCode' | 'workflowVariant' | 'workflowVersion' | 'receivingAgencyId' | 'receivingUnitPath' | 'legalTime'>,
    now: Date,
  ): Promise<Acceptance | undefined> {
    if (dossier.workflowVersion === null) return undefined;
    const workflow = await this.catalog.version(dossier.procedureCode, dossier.workflowVariant, dossier.workflowVersion);
    const routes = await this.routes.resolve(workflow.definition, dossier.receivingAgencyId, dossier.receivingUnitPath);
    const calendar = await this.calendar.current();
    return { receivedAt: now, routes, countingStart: calendar.countingStart(now), dueAt: calendar.deadline({ start: now, ...dossier.legalTime }) };
  }

  /** What a counter decision changes on a dossier at intake, the history entry it writes and the events it publishes. */
  private outcome(
    actor: Actor,
    decision: IntakeDecision,
    required: RequiredDocument[],
    now: Date,
    acceptance: Acceptance | undefined,
  ): { changes: DossierChanges; history: HistoryRecord; topics: string[] } {
    switch (decision.action) {
      case 'accept': {
        const { receivedAt, routes, countingStart, dueAt } = acceptance!;
        return {
          changes: { status: DossierStatus.RECEIVED, receivedAt, countingStart, dueAt, originalDueAt: dueAt, supplementRequest: null, routes },
          history: historyRecord(actor, 'accept', { details: { dueAt } }),
          topics: [EVENTS.dossierReceived],
        };
      }
      case 'refuse':
        return {
          changes: { status: DossierStatus.REFUSED, refusalReason: decision.reason, closedAt: now },
          history: historyRecord(actor, 'refuse', { note: decision.reason }),
          topics: [],
        };
      case 'request-supplement': {
        const items = decision.items.map((item) => ({
          ...item,
          what: item.what || required.find((document) => document.key === item.documentKey)?.name || item.what,
        }));
        return {
          changes: { status: DossierStatus.SUPPLEMENT_REQUESTED, supplementRequest: items },
          history: historyRecord(actor, 'request-supplement', { details: { items } }),
          topics: [],
        };
      }
    }
  }

  /** The dossier, if the caller may see it (else 404) and act on it as its receiving counter (else 403). */
  private async visible(actor: Actor, code: string, action: DossierAction): Promise<Dossier> {
    const dossier = await this.dossiers.findByCode(actor.scope, code);
    if (!dossier) throw DomainError.notFound('Dossier', code);
    if (dossier.receivingAgencyId !== actor.agencyId || actor.role !== Role.RECEPTION) {
      throw new DomainError(ErrorCode.FORBIDDEN, `Only the reception counter of the receiving agency may ${action} dossier ${code}`);
    }
    return dossier;
  }

  /**
   * Runs a change in one transaction on the locked row, after checking the status. Nothing inside
   * may read through the connection pool: every input is prepared before.
   */
  private async onLocked(visible: Dossier, action: DossierAction, work: (tx: Transaction, dossier: Dossier) => Promise<Dossier>): Promise<Dossier> {
    return this.dossiers.transaction(async (tx) => {
      const dossier = (await this.dossiers.lockByCode(tx, visible.code))!;
      assertActionAllowed(action, dossier.status, dossier.code);
      return work(tx, dossier);
    });
  }

  /** A pause stopped every open step's clock too: its deadline moves by the working time paused. */
  private async pushOpenTasks(tx: Transaction, dossier: Dossier, calendar: WorkingCalendar, now: Date): Promise<void> {
    const open = dossier.pauses.find((pause) => pause.to === null);
    if (!open) return;
    const paused = Math.max(0, calendar.workingTimeBetween(new Date(open.from), now));
    for (const task of (await this.tasks.latest(tx, dossier.id)).values()) {
      if ((task.status === 'open' || task.status === 'claimed') && task.dueAt) {
        await this.tasks.update(tx, task, {
          dueAt: calendar.addWorkingTime(task.dueAt, paused),
          dueSoonAt: task.dueSoonAt ? calendar.addWorkingTime(task.dueSoonAt, paused) : null,
        });
      }
    }
  }

  private assertAcceptable(documents: ReceivedDocument[], required: RequiredDocument[], noWorkflow: boolean): void {
    const missing = required.filter((document) => {
      const received = documents.find((candidate) => candidate.key === document.key);
      return document.mandatory && (!received || received.originals < document.originals || received.copies < document.copies);
    });
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.MISSING_DOCUMENTS, `Mandatory papers are missing: ${missing.map((document) => document.name).join('; ')}. Request a supplement instead.`, {
        missingDocuments: missing.map(({ key, name, originals, copies }) => ({ key, name, originals, copies })),
      });
    }
    if (noWorkflow) throw DomainError.field('procedureCode', 'the procedure has no published workflow yet', ErrorCode.NOT_ROUTABLE);
  }

  private async ownAgency(actor: Actor): Promise<AgencyEntity> {
    const agency = await this.agencies.findByCode(NATIONAL_SCOPE, actor.agencyCode);
    if (!agency) throw new DomainError(ErrorCode.FORBIDDEN, 'Your agency no longer exists');
    return agency;
  }

  private async procedureFor(code: string) {
    const procedure = await this.catalog.get(code).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) throw DomainError.field('procedureCode', `no procedure with code '${code}'`);
      throw error;
    });
    if (!procedure.active) throw DomainError.field('procedureCode', `procedure ${code} is no longer taken in`);
    return procedure;
  }
}

function decisionAction(decision: IntakeDecision): DossierAction {
  return decision.action === 'request-supplement' ? 'requestIntakeSupplement' : decision.action;
}

/** Matches handed-over papers with the procedure's list: each key once, each one of its papers. */
function matchDocuments(documents: IntakeInput['documents'], required: RequiredDocument[]): ReceivedDocument[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const matched = documents.map((document, index) => {
    const paper = required.find((candidate) => candidate.key === document.key);
    if (!paper) problems.push({ field: `documents[${index}].key`, reason: `'${document.key}' is not one of this procedure's papers` });
    else if (seen.has(document.key)) problems.push({ field: `documents[${index}].key`, reason: `'${document.key}' is listed twice` });
    seen.add(document.key);
    return { key: document.key, name: paper?.name ?? document.key, originals: document.originals, copies: document.copies };
  });
  if (problems.length > 0) throw new DomainError(ErrorCode.UNPROCESSABLE, 'Some papers do not belong to the procedure', { fields: problems });
  return matched;
}

/** Province, district and commune codes of a unit path ('56.568.22330', or '56.22333' after the reform). */
function unitCodes(path: string): { provinceCode: string; districtCode: string | null; communeCode: string | null } {
  const [provinceCode, ...rest] = path.split('.');
  return {
    provinceCode,
    districtCode: rest.find((code) => code.length === 3) ?? null,
    communeCode: rest.find((code) => code.length === 5) ?? null,
  };
}

/**
 * The appointment once the pause ledger is taken into account. A completed supplement restarts the
 * legal time from zero when the procedure says so (the default); every other pause (payment, or a
 * supplement under 'resume') only stops the clock.
 */
export function dueWithPauses(calendar: WorkingCalendar, dossier: Pick<Dossier, 'receivedAt' | 'legalTime' | 'pauses' | 'supplementMode'>): Date | null {
  const pauses = dossier.pauses.map((pause) => ({ kind: pause.kind, from: new Date(pause.from), to: pause.to === null ? null : new Date(pause.to) }));
  const restart = dossier.supplementMode === 'restart' ? pauses.filter((pause) => pause.kind === 'supplement' && pause.to !== null).at(-1) : undefined;
  const start = restart?.to ?? dossier.receivedAt!;
  return calendar.deadlineWithPauses({
    start,
    ...dossier.legalTime,
    pauses: pauses.filter((pause) => pause.to === null || pause.to > start).map(({ from, to }) => ({ from: from < start ? start : from, to })),
    mode: 'resume',
  });
}

function closeOpenPause(pauses: PauseRecord[], now: Date): PauseRecord[] {
  return pauses.map((pause) => (pause.to === null ? { ...pause, to: now.toISOString() } : pause));
}

function notAtIntake(dossier: Dossier): DomainError {
  return new DomainError(ErrorCode.DOSSIER_NOT_IN_STATE, `Dossier ${dossier.code} was received already; the counter decision is made`, { status: dossier.status });
}
