import { AgencyKind, Role } from '../auth';
import { Duration } from './procedure';
import { validateWorkflow, WorkflowDefinition, WorkflowStep } from './workflow';

const known = { agencyExists: (code: string) => ['000.00.12.H56', '000.00.15.H56'].includes(code), week: { dayMinutes: 450, daysPerWeek: 5 } };
const TEN_DAYS: Duration = { amount: 10, unit: 'working_days' };

const task = (key: string, next: string[], extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  key,
  kind: 'task',
  name: `Bước ${key}`,
  performer: { receivingAgency: true },
  role: Role.PROCESSOR,
  budget: { amount: 1, unit: 'working_days' },
  next,
  ...extra,
});
const returnDesk = (key = 'return'): WorkflowStep => task(key, [], { role: Role.RECEPTION, budget: { amount: 4, unit: 'working_hours' } });

/** commune receives → land registry appraises → (tax ∥ optional opinion) → land registry issues → return */
function landWorkflow(): WorkflowDefinition {
  return {
    steps: [
      task('appraise', ['fork'], { performer: { agencyKind: AgencyKind.LAND_REGISTRY, level: 'district' } }),
      { key: 'fork', kind: 'fork', name: 'Chuyển song song', next: ['tax', 'opinion'] },
      task('tax', ['join'], { performer: { agencyKind: AgencyKind.TAX_OFFICE, level: 'district' }, budget: { amount: 2, unit: 'working_days' } }),
      task('opinion', ['join'], { performer: { agencyCode: '000.00.12.H56' }, optional: true }),
      { key: 'join', kind: 'join', name: 'Tổng hợp', fork: 'fork', next: ['issue'] },
      task('issue', ['return'], { role: Role.LEADER, performer: { agencyKind: AgencyKind.LAND_REGISTRY, level: 'district' } }),
      returnDesk(),
    ],
  };
}

const fields = (definition: WorkflowDefinition, legalTime = TEN_DAYS) => validateWorkflow(definition, legalTime, known);

describe('validateWorkflow', () => {
  it('accepts a valid liên thông workflow with a parallel group', () => {
    expect(fields(landWorkflow())).toEqual([]);
  });

  it('reports an unknown agency and an unknown role with their paths', () => {
    const definition = landWorkflow();
    definition.steps[3].performer = { agencyCode: '999.99.99.H56' };
    definition.steps[5].role = 'JANITOR' as Role;
    expect(fields(definition)).toEqual([
      { field: 'steps[3].performer.agencyCode', reason: "unknown agency '999.99.99.H56'" },
      { field: 'steps[5].role', reason: "unknown role 'JANITOR'" },
    ]);
  });

  it('reports a step that points nowhere', () => {
    const definition = landWorkflow();
    definition.steps[0].next = ['apraise-typo'];
    expect(fields(definition)).toEqual([{ field: 'steps[0].next[0]', reason: "unknown step 'apraise-typo'" }]);
  });

  it('reports a cycle', () => {
    const definition = landWorkflow();
    definition.steps[5].next = ['appraise'];
    definition.steps.push(returnDesk('unused'));
    expect(fields(definition)).toEqual([{ field: 'steps', reason: "cycle: appraise → fork → tax → join → issue → appraise (send a dossier back with the 'return' action instead)" }]);
  });

  it('reports an unreachable step', () => {
    const definition = landWorkflow();
    definition.steps.push(task('orphan', ['return']));
    expect(fields(definition)).toEqual([{ field: 'steps[7]', reason: "'orphan' is unreachable from the first step 'appraise'" }]);
  });

  it('reports a join without its fork', () => {
    const definition = landWorkflow();
    definition.steps[4].fork = 'appraise';
    expect(fields(definition)).toEqual([{ field: 'steps[4].fork', reason: 'a join without its fork: must name the fork step it closes' }]);
    const noFork = landWorkflow();
    delete noFork.steps[4].fork;
    expect(fields(noFork)).toEqual([{ field: 'steps[4].fork', reason: 'a join without its fork: must name the fork step it closes' }]);
  });

  it('reports a join entered by a branch that bypasses its fork', () => {
    const definition: WorkflowDefinition = {
      steps: [
        { key: 'outer', kind: 'fork', name: 'Chuyển', next: ['inner', 'side'] },
        { key: 'inner', kind: 'fork', name: 'Chuyển song song', next: ['a', 'b'] },
        task('a', ['join']),
        task('b', ['join']),
        task('side', ['join']),
        { key: 'join', kind: 'join', name: 'Tổng hợp', fork: 'inner', next: ['return'] },
        returnDesk(),
      ],
    };
    expect(fields(definition)).toEqual([{ field: 'steps[5]', reason: "branch 'side' reaches this join without passing fork 'inner'" }]);
  });

  it('reports budgets on the critical path beyond the legal time', () => {
    expect(fields(landWorkflow(), { amount: 5, unit: 'working_days' })).toEqual([]);
    expect(fields(landWorkflow(), { amount: 4, unit: 'working_days' })).toEqual([
      { field: 'steps', reason: 'the longest path (appraise → tax → issue → return) needs 34 working hours; the legal time allows 30' },
    ]);
  });

  it('counts a working day as its sessions (7.5 hours), not 8 hours', () => {
    const twoDays: Duration = { amount: 2, unit: 'working_days' };
    const definition: WorkflowDefinition = { steps: [task('appraise', ['return'], { budget: { amount: 14, unit: 'working_hours' } }), returnDesk()] };
    definition.steps[1].budget = { amount: 1.5, unit: 'working_hours' };
    expect(fields(definition, twoDays)).toEqual([{ field: 'steps', reason: 'the longest path (appraise → return) needs 15.5 working hours; the legal time allows 15' }]);
    definition.steps[1].budget = { amount: 1, unit: 'working_hours' };
    expect(fields(definition, twoDays)).toEqual([]);
  });

  it('gives a same-day procedure (0 working days) the receipt day itself', () => {
    const sameDay: WorkflowDefinition = { steps: [task('certify', ['return'], { budget: { amount: 2, unit: 'working_hours' } }), returnDesk()] };
    expect(fields(sameDay, { amount: 0, unit: 'working_days' })).toEqual([]);
    sameDay.steps[0].budget = { amount: 5, unit: 'working_hours' };
    expect(fields(sameDay, { amount: 0, unit: 'working_days' })[0].reason).toBe('the longest path (certify → return) needs 9 working hours; the legal time allows 7.5');
  });

  it('reports a missing return step', () => {
    const definition = landWorkflow();
    definition.steps[6].role = Role.LEADER;
    expect(fields(definition)).toEqual([{ field: 'steps', reason: 'missing return step: the workflow must end in one task for role RECEPTION (the return desk), ends in return' }]);
  });

  it('reports malformed steps all at once', () => {
    const definition: WorkflowDefinition = {
      steps: [
        { key: 'Bad Key', kind: 'task', name: '', next: [] },
        { key: 'x', kind: 'gateway' as 'fork', name: 'X', next: [] },
      ],
    };
    expect(fields(definition)).toEqual([
      { field: 'steps[0].key', reason: 'must be lowercase letters, digits and dashes' },
      { field: 'steps[0].name', reason: 'must be a non-empty string' },
    ]);
    const second = fields({ steps: [task('a', ['b'], { budget: { amount: 0, unit: 'working_days' }, performer: undefined }), { key: 'b', kind: 'gateway' as 'fork', name: 'B', next: [] }] });
    expect(second).toEqual([
      { field: 'steps[0].performer', reason: 'must name an agencyCode, the receivingAgency, or an agencyKind and level' },
      { field: 'steps[0].budget.amount', reason: 'must be a number above 0' },
      { field: 'steps[1].kind', reason: "must be 'task', 'fork' or 'join'" },
    ]);
  });

  it('only lets a branch of a fork be optional', () => {
    const definition = landWorkflow();
    definition.steps[0].optional = true;
    expect(fields(definition)).toEqual([{ field: 'steps[0].optional', reason: 'only a branch that starts at a fork may be optional' }]);
  });
});
