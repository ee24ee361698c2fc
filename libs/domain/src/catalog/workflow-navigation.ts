import type { WorkflowDefinition, WorkflowStep } from './workflow';

/** Where each task step stands, by its latest activation. */
export type StepState = 'open' | 'claimed' | 'done' | 'skipped' | 'cancelled';

const FINISHED: readonly StepState[] = ['done', 'skipped'];

/**
 * Walking a (validated) workflow at run time. Forks fan out to all their branches; a join lets the
 * flow through once every step feeding it is done or skipped. All functions are pure.
 */
export class WorkflowNavigator {
  private readonly byKey: Map<string, WorkflowStep>;
  private readonly predecessors = new Map<string, string[]>();

  constructor(private readonly definition: WorkflowDefinition) {
    this.byKey = new Map(definition.steps.map((step) => [step.key, step]));
    for (const step of definition.steps) {
      for (const next of step.next) this.predecessors.set(next, [...(this.predecessors.get(next) ?? []), step.key]);
    }
  }

  step(key: string): WorkflowStep {
    const step = this.byKey.get(key);
    if (!step) throw new Error(`Unknown workflow step '${key}'`);
    return step;
  }

  /** The tasks to open when the workflow starts. */
  firstTasks(): WorkflowStep[] {
    return this.expand([this.definition.steps[0].key], {});
  }

  /** The tasks to open once `completed` is done (or skipped), given every step's state after it. */
  tasksAfter(completed: string, states: Record<string, StepState>): WorkflowStep[] {
    return this.expand(this.step(completed).next, { ...states, [completed]: states[completed] ?? 'done' });
  }

  /** The return desk: the task without a next step. */
  returnDesk(): WorkflowStep {
    return this.definition.steps.find((step) => step.next.length === 0)!;
  }

  /** The task a step sends a dossier back to by default: the nearest task before it, unless a join is in between. */
  previousTask(key: string): WorkflowStep | undefined {
    let current = key;
    for (;;) {
      const before = this.predecessors.get(current) ?? [];
      if (before.length !== 1) return undefined;
      const step = this.step(before[0]);
      if (step.kind === 'task') return step;
      if (step.kind === 'join') return undefined;
      current = step.key;
    }
  }

  /** Whether `target` comes before `key` on some path (a return may only go backwards). */
  isBefore(target: string, key: string): boolean {
    const seen = new Set<string>();
    const stack = [...(this.predecessors.get(key) ?? [])];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current === target) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      stack.push(...(this.predecessors.get(current) ?? []));
    }
    return false;
  }

  private expand(keys: string[], states: Record<string, StepState>): WorkflowStep[] {
    const tasks: WorkflowStep[] = [];
    for (const key of keys) {
      const step = this.step(key);
      if (step.kind === 'task') tasks.push(step);
      else if (step.kind === 'fork') tasks.push(...this.expand(step.next, states));
      else if (this.joinReady(step, states)) tasks.push(...this.expand(step.next, states));
    }
    return tasks;
  }

  private joinReady(join: WorkflowStep, states: Record<string, StepState>): boolean {
    return (this.predecessors.get(join.key) ?? []).every((key) => {
      const step = this.step(key);
      return step.kind === 'join' ? this.joinReady(step, states) : FINISHED.includes(states[key]);
    });
  }
}
