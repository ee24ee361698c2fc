import { api, type Schemas, unwrap } from '../../api/client';

export type WorkflowStep = Schemas['WorkflowStepDto'];
type Dossier = Schemas['DossierResponseDto'];

/** The workflow version the dossier was received under, of the variant whose workflow it runs. */
export async function dossierWorkflow({ workflowVersion, procedureCode, workflowVariant }: Dossier): Promise<WorkflowStep[]> {
  if (workflowVersion === null) return [];
  const version = await unwrap(
    api.GET('/api/procedures/{code}/workflow-versions/{n}', { params: { path: { code: procedureCode, n: workflowVersion }, query: { variant: workflowVariant ?? undefined } } }),
  );
  return version.steps;
}

/** The task steps a step may send its dossier back to, nearest first. */
export function earlierSteps(steps: WorkflowStep[], key: string): WorkflowStep[] {
  const before = new Map<string, string[]>();
  for (const step of steps) for (const next of step.next) before.set(next, [...(before.get(next) ?? []), step.key]);
  const seen = new Set([key]);
  const queue = [key];
  const found: WorkflowStep[] = [];
  while (queue.length > 0) {
    for (const previous of before.get(queue.shift()!) ?? []) {
      if (seen.has(previous)) continue;
      seen.add(previous);
      queue.push(previous);
      const step = steps.find((candidate) => candidate.key === previous);
      if (step?.kind === 'task') found.push(step);
    }
  }
  return found;
}

/**
 * The task steps completing `key` hands the dossier to (every branch of a fork); undefined when the
 * workflow cannot say: a join that waits for another branch, one of `openKeys` (the steps open now;
 * without them, any other branch), or an unknown step.
 */
export function nextSteps(steps: WorkflowStep[], key: string, openKeys?: ReadonlySet<string>): WorkflowStep[] | undefined {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const before = (join: string) => steps.filter((step) => step.next.includes(join)).map((step) => step.key);
  const expand = (keys: string[]): WorkflowStep[] | undefined => {
    const found: WorkflowStep[] = [];
    for (const next of keys) {
      const step = byKey.get(next);
      if (!step) return undefined;
      if (step.kind === 'task') found.push(step);
      else if (step.kind === 'join' && before(step.key).some((other) => other !== key && (openKeys?.has(other) ?? true))) return undefined;
      else {
        const further = expand(step.next);
        if (!further) return undefined;
        found.push(...further);
      }
    }
    return found;
  };
  const step = byKey.get(key);
  return step && step.next.length > 0 ? expand(step.next) : undefined;
}

/** The task a return sends the dossier back to when it names none: the nearest task before, unless a join is in between (as the API does). */
export function previousTask(steps: WorkflowStep[], key: string): WorkflowStep | undefined {
  for (let current = key; ;) {
    const before = steps.filter((step) => step.next.includes(current));
    if (before.length !== 1 || before[0].kind === 'join') return undefined;
    if (before[0].kind === 'task') return before[0];
    current = before[0].key;
  }
}

/** "«Ký chứng thực» – Ủy ban nhân dân phường Vĩnh Hải": a step and the agency the dossier's route sends it to. */
export function stepPlace(step: Pick<WorkflowStep, 'key' | 'name'>, dossier: Pick<Dossier, 'routes'>): string {
  const agency = dossier.routes?.find((route) => route.stepKey === step.key)?.agencyName;
  return agency ? `«${step.name}» – ${agency}` : `«${step.name}»`;
}

/** Where completing `key` sends the dossier, in words; undefined when the workflow cannot say (see nextSteps). */
export function destinationOf(steps: WorkflowStep[], key: string, dossier: Pick<Dossier, 'routes'>, openKeys?: ReadonlySet<string>): string | undefined {
  const next = nextSteps(steps, key, openKeys);
  return next?.length ? next.map((step) => stepPlace(step, dossier)).join(' và ') : undefined;
}
