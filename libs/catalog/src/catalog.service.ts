import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FieldProblem, ProcedureDefinition, resolveVariant, validateProcedure, validateWorkflow, WorkflowDefinition } from '@motcua/domain';
import { CalendarService } from '@motcua/calendar';
import { AgenciesRepository, CatalogRepository, ProcedureQuery, StoredProcedure, WorkflowVersion } from '@motcua/persistence';
import { CATALOG_FORMAT, CatalogDocument, CatalogImportResult } from './catalog-document';

export interface ProcedureWithWorkflows extends StoredProcedure {
  /** The current version of each workflow: the procedure's own (variant null) and each variant's. */
  workflows: WorkflowVersion[];
}

@Injectable()
export class CatalogService {
  private readonly versions = new Map<string, WorkflowVersion>();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly agencies: AgenciesRepository,
    private readonly calendar: CalendarService,
  ) {}

  list(query: ProcedureQuery): Promise<{ items: StoredProcedure[]; total: number }> {
    return this.catalog.list(query);
  }

  async get(code: string): Promise<ProcedureWithWorkflows> {
    const procedure = await this.catalog.get(code);
    if (!procedure) throw DomainError.notFound('Procedure', code);
    return { ...procedure, workflows: await this.catalog.latestVersions([code]) };
  }

  async create(definition: ProcedureDefinition): Promise<ProcedureWithWorkflows> {
    rejectIfAny(validateProcedure(definition), 'The procedure is not valid');
    const created = await this.catalog.transaction(async (tx) => {
      if (await this.catalog.get(definition.code, tx)) return false;
      return (await this.catalog.save(definition, true, tx)) === 'created';
    });
    if (!created) throw DomainError.field('code', 'is taken', ErrorCode.ALREADY_EXISTS);
    return this.get(definition.code);
  }

  async update(code: string, patch: Partial<Omit<ProcedureDefinition, 'code'>> & { active?: boolean }): Promise<ProcedureWithWorkflows> {
    const current = await this.catalog.get(code);
    if (!current) throw DomainError.notFound('Procedure', code);
    const { active = current.active, ...changes } = patch;
    const definition: ProcedureDefinition = { ...current.definition, ...changes, code };
    rejectIfAny(validateProcedure(definition), 'The procedure is not valid');
    await this.catalog.save(definition, active);
    return this.get(code);
  }

  /** Validates the workflow against the procedure's legal time and the agencies that exist, then appends it as the next version. */
  async publishWorkflow(code: string, variant: string | null, workflow: WorkflowDefinition, userId: string | null): Promise<WorkflowVersion> {
    const procedure = await this.catalog.get(code);
    if (!procedure) throw DomainError.notFound('Procedure', code);
    rejectIfAny(await this.checkWorkflow(procedure.definition, variant, workflow), 'The workflow is not valid');
    return this.catalog.publish(code, variant, workflow, userId);
  }

  /** A published version never changes, so each is read once per process (every routed step asks for its dossier's). */
  async version(code: string, variant: string | null, version: number): Promise<WorkflowVersion> {
    const key = `${code}|${variant ?? ''}|${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const found = await this.catalog.version(code, variant, version);
    if (!found) throw DomainError.notFound('Workflow version', `${code}${variant ? `/${variant}` : ''} v${version}`);
    this.versions.set(key, found);
    return found;
  }

  async export(now: Date): Promise<CatalogDocument> {
    const { procedures, versions } = await this.catalog.all();
    return {
      format: CATALOG_FORMAT,
      exportedAt: now.toISOString(),
      procedures: procedures.map(({ definition, active }) => ({
        ...definition,
        active,
        workflows: versions.filter((version) => version.procedureCode === definition.code).map((version) => ({ variant: version.variant, version: version.version, steps: version.definition.steps })),
      })),
    };
  }

  /**
   * Brings the catalog in line with a document: procedures are created or replaced, and for each
   * workflow the document's last version is published when it differs from the current one. All or
   * nothing: everything is validated first, then written in one transaction. Importing the same
   * document twice changes nothing.
   */
  async import(document: CatalogDocument, userId: string | null): Promise<CatalogImportResult> {
    const problems: FieldProblem[] = [];
    const at = (i: number, list: FieldProblem[]) => list.map(({ field, reason }) => ({ field: `procedures[${i}].${field}`, reason }));
    for (const [i, procedure] of document.procedures.entries()) {
      problems.push(...at(i, validateProcedure(procedure)));
      for (const [w, workflow] of latestPerVariant(procedure.workflows)) {
        problems.push(...at(i, prefix(`workflows[${w}]`, await this.checkWorkflow(procedure, workflow.variant, { steps: workflow.steps }))));
      }
    }
    const codes = document.procedures.map((procedure) => procedure.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) problems.push({ field: `procedures[${i}].code`, reason: `'${code}' appears twice` });
    });
    rejectIfAny(problems, 'The catalog document is not valid');

    const current = await this.catalog.latestVersions(codes);
    const result: CatalogImportResult = { proceduresCreated: 0, proceduresUpdated: 0, workflowsPublished: 0, workflowsUnchanged: 0 };
    await this.catalog.transaction(async (tx) => {
      for (const { workflows, active = true, ...definition } of document.procedures) {
        const saved = await this.catalog.save(definition, active, tx);
        if (saved === 'created') result.proceduresCreated++;
        if (saved === 'updated') result.proceduresUpdated++;
        for (const [, workflow] of latestPerVariant(workflows)) {
          const existing = current.find((version) => version.procedureCode === definition.code && version.variant === workflow.variant);
          if (existing && sameJson(existing.definition.steps, workflow.steps)) {
            result.workflowsUnchanged++;
          } else {
            await this.catalog.publish(definition.code, workflow.variant, { steps: workflow.steps }, userId, tx);
            result.workflowsPublished++;
          }
        }
      }
    });
    return result;
  }

  private async checkWorkflow(procedure: ProcedureDefinition, variant: string | null, workflow: WorkflowDefinition): Promise<FieldProblem[]> {
    if (variant !== null && !procedure.variants.some((candidate) => candidate.key === variant)) {
      return [{ field: 'variant', reason: `procedure ${procedure.code} has no variant '${variant}'` }];
    }
    const codes = (workflow.steps ?? []).flatMap((step) => (step?.performer && 'agencyCode' in step.performer ? [step.performer.agencyCode] : []));
    const existing = await this.agencies.existingCodes(codes);
    const { legalTime } = resolveVariant(procedure, variant, 'counter');
    const week = (await this.calendar.current()).workingWeek();
    return validateWorkflow(workflow, legalTime, { agencyExists: (code) => existing.has(code), week });
  }
}

function rejectIfAny(problems: FieldProblem[], message: string): void {
  if (problems.length > 0) throw new DomainError(ErrorCode.UNPROCESSABLE, message, { fields: problems });
}

function prefix(path: string, problems: FieldProblem[]): FieldProblem[] {
  return problems.map(({ field, reason }) => ({ field: `${path}.${field}`, reason }));
}

/** The last listed workflow per variant, with its index in the list. */
function latestPerVariant<T extends { variant: string | null }>(workflows: T[]): [number, T][] {
  const last = new Map<string | null, [number, T]>();
  workflows.forEach((workflow, index) => last.set(workflow.variant ?? null, [index, workflow]));
  return [...last.values()];
}

/** Equal as JSON documents: key order, undefined fields and class prototypes don't count. */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}
