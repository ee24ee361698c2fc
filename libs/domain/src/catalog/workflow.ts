import { AgencyKind, Role } from '../auth';
import type { FieldProblem } from '../errors';
import type { WorkingWeek } from '../calendar';
import type { Duration, ProcedureLevel } from './procedure';

/**
 * Who performs a task, resolved when the dossier is received:
 * - a concrete agency (`agencyCode`),
 * - the agency that received the dossier (`receivingAgency`: the return desk, the commune that took it in),
 * - the agency of a kind at a level above the dossier's unit (`agencyKind` + `level`: "the land registry
 *   of the dossier's district").
 */
export type PerformerRule = { agencyCode: string } | { receivingAgency: true } | { agencyKind: AgencyKind; level: ProcedureLevel };

/**
 * One node of a workflow. Tasks are the steps people work (each with its own budget inside the legal
 * time); a fork starts parallel branches (liên thông to several agencies at once) and its join waits
 * for every branch that was not skipped. `next` names the following nodes; the last task, with no
 * `next`, is the return desk.
 */
export interface WorkflowStep {
  key: string;
  kind: 'task' | 'fork' | 'join';
  name: string;
  performer?: PerformerRule;
  role?: Role;
  budget?: Duration;
  /** A branch of a fork that may be skipped (e.g. an opinion the leader decides isn't needed). */
  optional?: boolean;
  /** For a join: the key of the fork it closes. */
  fork?: string;
  next: string[];
}

export interface WorkflowDefinition {
  /** The first step is where the workflow begins. */
  steps: WorkflowStep[];
}

export interface WorkflowContext {
  /** Whether an agency with this electronic ID code exists. */
  agencyExists(code: string): boolean;
  /** The calendar's week, in which budgets and the legal time are compared. */
  week: WorkingWeek;
}

/** Keys of steps, documents and variants: lowercase letters, digits and dashes. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const STEP_BUDGET_UNITS = ['working_hours', 'half_days', 'working_days'] as const;
const LEVELS: readonly ProcedureLevel[] = ['province', 'district', 'commune'];

/**
 * Working minutes of a duration in the calendar's regular week, to compare budgets with the legal
 * time: a working day is the day's sessions (7.5 hours by default), a month its share of the year.
 */
export function workingMinutesOf({ amount, unit }: Duration, week: WorkingWeek): number {
  switch (unit) {
    case 'working_hours':
      return amount * 60;
    case 'half_days':
      return (amount * week.dayMinutes) / 2;
    case 'working_days':
      return amount * week.dayMinutes;
    case 'calendar_days':
      return (amount * week.dayMinutes * week.daysPerWeek) / 7;
    case 'months':
      return (amount * week.dayMinutes * week.daysPerWeek * 365.25) / 7 / 12;
  }
}

/**
 * The working time the steps may share. N working days counts N whole days (the receipt day's rest is
 * a margin, not budget), except for a same-day procedure (0 working days), which has the receipt day.
 */
function budgetAllowance(legalTime: Duration, week: WorkingWeek): number {
  return legalTime.unit === 'working_days' && legalTime.amount === 0 ? week.dayMinutes : workingMinutesOf(legalTime, week);
}

/**
 * Every problem of a workflow definition at once, each with its field path: malformed steps, unknown
 * agencies or roles, dangling `next`, cycles, unreachable steps, joins without their fork, budgets on
 * the critical path beyond the legal time, and a missing return step.
 */
export function validateWorkflow(definition: WorkflowDefinition, legalTime: Duration, context: WorkflowContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });
  const steps = Array.isArray(definition?.steps) ? definition.steps : [];
  if (steps.length === 0) {
    problem('steps', 'must list at least one step');
    return problems;
  }

  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (typeof step?.key !== 'string' || !KEY_PATTERN.test(step.key)) problem(`${at}.key`, 'must be lowercase letters, digits and dashes');
    else if (index.has(step.key)) problem(`${at}.key`, `'${step.key}' is used twice`);
    else index.set(step.key, i);
    if (typeof step?.name !== 'string' || step.name.trim() === '') problem(`${at}.name`, 'must be a non-empty string');
    if (!Array.isArray(step?.next)) problem(`${at}.next`, 'must be an array of step keys');
  });
  if (problems.length > 0) return problems;

  steps.forEach((step, i) => checkStep(step, `steps[${i}]`, context, problem));
  steps.forEach((step, i) =>
    step.next.forEach((key, j) => {
      if (!index.has(key)) problem(`steps[${i}].next[${j}]`, `unknown step '${key}'`);
    }),
  );
  if (problems.length > 0) return problems;

  const byKey = new Map(steps.map((step) => [step.key, step]));
  const predecessors = new Map<string, string[]>(steps.map((step) => [step.key, []]));
  for (const step of steps) for (const key of step.next) predecessors.get(key)!.push(step.key);

  const cycle = findCycle(steps, byKey);
  if (cycle) {
    problem('steps', `cycle: ${cycle.join(' → ')} (send a dossier back with the 'return' action instead)`);
    return problems;
  }

  const start = steps[0].key;
  const reachable = reach(start, byKey);
  steps.forEach((step, i) => {
    if (!reachable.has(step.key)) problem(`steps[${i}]`, `'${step.key}' is unreachable from the first step '${start}'`);
  });

  steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (step.kind === 'join') {
      const fork = step.fork === undefined ? undefined : byKey.get(step.fork);
      if (!fork || fork.kind !== 'fork') {
        problem(`${at}.fork`, 'a join without its fork: must name the fork step it closes');
        return;
      }
      const fromFork = reach(fork.key, byKey);
      const incoming = predecessors.get(step.key)!;
      if (incoming.length < 2) problem(at, `a join needs at least two incoming branches, has ${incoming.length}`);
      for (const key of incoming) {
        if (!fromFork.has(key)) problem(at, `branch '${key}' reaches this join without passing fork '${fork.key}'`);
      }
    }
    if (step.optional && !predecessors.get(step.key)!.some((key) => byKey.get(key)!.kind === 'fork')) {
      problem(`${at}.optional`, 'only a branch that starts at a fork may be optional');
    }
  });

  const ends = steps.filter((step) => step.next.length === 0);
  const returnStep = ends.length === 1 && ends[0].kind === 'task' && ends[0].role === Role.RECEPTION ? ends[0] : undefined;
  if (!returnStep) {
    problem('steps', `missing return step: the workflow must end in one task for role RECEPTION (the return desk), ends in ${ends.map((step) => step.key).join(', ') || 'nothing'}`);
  }

  if (problems.length === 0) {
    const { minutes, path } = criticalPath(start, byKey, context.week);
    const allowed = budgetAllowance(legalTime, context.week);
    if (minutes > allowed) {
      const hours = (workingMinutes: number) => Math.round(workingMinutes / 6) / 10;
      problem('steps', `the longest path (${path.join(' → ')}) needs ${hours(minutes)} working hours; the legal time allows ${hours(allowed)}`);
    }
  }
  return problems;
}

function checkStep(step: WorkflowStep, at: string, context: WorkflowContext, problem: (field: string, reason: string) => void): void {
  switch (step.kind) {
    case 'task': {
      if (!Object.values(Role).includes(step.role as Role)) problem(`${at}.role`, `unknown role '${String(step.role)}'`);
      checkPerformer(step.performer, `${at}.performer`, context, problem);
      const budget = step.budget;
      if (!budget || !STEP_BUDGET_UNITS.includes(budget.unit as (typeof STEP_BUDGET_UNITS)[number])) {
        problem(`${at}.budget.unit`, `must be one of ${STEP_BUDGET_UNITS.join(', ')}`);
      } else if (typeof budget.amount !== 'number' || !(budget.amount > 0) || !Number.isFinite(budget.amount)) {
        problem(`${at}.budget.amount`, 'must be a number above 0');
      }
      if (step.next.length > 1) problem(`${at}.next`, 'a task has at most one next step; use a fork for parallel branches');
      if (step.fork !== undefined) problem(`${at}.fork`, 'only a join names a fork');
      return;
    }
    case 'fork':
      if (step.next.length < 2) problem(`${at}.next`, 'a fork starts at least two branches');
      return;
    case 'join':
      if (step.next.length !== 1) problem(`${at}.next`, 'a join continues to exactly one step');
      return;
    default:
      problem(`${at}.kind`, "must be 'task', 'fork' or 'join'");
  }
}

function checkPerformer(performer: PerformerRule | undefined, at: string, context: WorkflowContext, problem: (field: string, reason: string) => void): void {
  if (performer && 'agencyCode' in performer) {
    if (!context.agencyExists(performer.agencyCode)) problem(`${at}.agencyCode`, `unknown agency '${performer.agencyCode}'`);
  } else if (performer && 'agencyKind' in performer) {
    if (!Object.values(AgencyKind).includes(performer.agencyKind)) problem(`${at}.agencyKind`, `unknown agency kind '${String(performer.agencyKind)}'`);
    if (!LEVELS.includes(performer.level)) problem(`${at}.level`, 'must be province, district or commune');
  } else if (!(performer && 'receivingAgency' in performer && performer.receivingAgency === true)) {
    problem(at, 'must name an agencyCode, the receivingAgency, or an agencyKind and level');
  }
}

function reach(from: string, byKey: Map<string, WorkflowStep>): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...byKey.get(key)!.next);
  }
  return seen;
}

function findCycle(steps: WorkflowStep[], byKey: Map<string, WorkflowStep>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === 'done') return undefined;
    if (state.get(key) === 'open') return [...trail.slice(trail.indexOf(key)), key];
    state.set(key, 'open');
    trail.push(key);
    for (const next of byKey.get(key)!.next) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const step of steps) {
    const cycle = visit(step.key);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The path whose task budgets add up to the most working time (parallel branches: the longest one). */
function criticalPath(start: string, byKey: Map<string, WorkflowStep>, week: WorkingWeek): { minutes: number; path: string[] } {
  const memo = new Map<string, { minutes: number; path: string[] }>();
  const longest = (key: string): { minutes: number; path: string[] } => {
    const cached = memo.get(key);
    if (cached) return cached;
    const step = byKey.get(key)!;
    const own = step.kind === 'task' && step.budget ? workingMinutesOf(step.budget, week) : 0;
    const tail = step.next.map(longest).reduce((best, candidate) => (candidate.minutes > best.minutes ? candidate : best), { minutes: 0, path: [] as string[] });
    const result = { minutes: own + tail.minutes, path: step.kind === 'task' ? [key, ...tail.path] : tail.path };
    memo.set(key, result);
    return result;
  };
  return longest(start);
}
