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
