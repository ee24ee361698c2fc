import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FieldProblem, NATIONAL_SCOPE, PerformerRule, ProcedureLevel, WorkflowDefinition } from '@motcua/domain';
import { AgenciesRepository } from '@motcua/persistence';

/** Which agency performs each task of a dossier's workflow: step key → agency id. */
export type Routes = Record<string, string>;

const LEVEL_DEPTH: Record<ProcedureLevel, number> = { province: 1, district: 2, commune: 3 };

/**
 * Resolves every task's performer when a dossier is received, so a workflow that can't be routed
 * (no land registry for the dossier's district, say) is refused at the counter, not stuck later.
 */
@Injectable()
export class RouteResolver {
  constructor(private readonly agencies: AgenciesRepository) {}

  async resolve(workflow: WorkflowDefinition, receivingAgencyId: string, receivingUnitPath: string): Promise<Routes> {
    const routes: Routes = {};
    const problems: FieldProblem[] = [];
    for (const step of workflow.steps.filter((candidate) => candidate.kind === 'task')) {
      const agencyId = await this.performer(step.performer!, receivingAgencyId, receivingUnitPath);
      if (agencyId) routes[step.key] = agencyId;
      else problems.push({ field: `workflow.${step.key}`, reason: describe(step.performer!, receivingUnitPath) });
    }
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.NOT_ROUTABLE, 'The workflow cannot be routed for this dossier: an agency is missing', { fields: problems });
    }
    return routes;
  }

  private async performer(rule: PerformerRule, receivingAgencyId: string, unitPath: string): Promise<string | undefined> {
    if ('receivingAgency' in rule) return receivingAgencyId;
    if ('agencyCode' in rule) {
      const agency = await this.agencies.findByCode(NATIONAL_SCOPE, rule.agencyCode);
      return agency?.active ? agency.id : undefined;
    }
    const ancestor = ancestorAt(unitPath, rule.level);
    if (!ancestor) return undefined;
    return (await this.agencies.ofKindAt(rule.agencyKind, ancestor))[0]?.id;
  }
}

/** The path of the unit at a level above (or at) a unit: '56.568.22330' at district → '56.568'. */
function ancestorAt(path: string, level: ProcedureLevel): string | undefined {
  const parts = path.split('.');
  const twoLevel = parts.length === 2 && parts[1].length === 5;
  if (twoLevel && level === 'district') return undefined;
  const depth = twoLevel && level === 'commune' ? 2 : LEVEL_DEPTH[level];
  return parts.length >= depth ? parts.slice(0, depth).join('.') : undefined;
}

function describe(rule: PerformerRule, unitPath: string): string {
  if ('agencyCode' in rule) return `agency ${rule.agencyCode} does not exist or is inactive`;
  if ('agencyKind' in rule) return `no active ${rule.agencyKind} at ${rule.level} level above unit ${unitPath}`;
  return 'no receiving agency';
}
