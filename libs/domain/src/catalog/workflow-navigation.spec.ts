import { AgencyKind, Role } from '../auth';
import type { WorkflowDefinition, WorkflowStep } from './workflow';
import { WorkflowNavigator } from './workflow-navigation';

const task = (key: string, next: string[]): WorkflowStep => ({
  key,
  kind: 'task',
  name: key,
  performer: { agencyKind: AgencyKind.DEPARTMENT, level: 'province' },
  role: Role.PROCESSOR,
  budget: { amount: 1, unit: 'working_days' },
  next,
});

const parallel: WorkflowDefinition = {
  steps: [
    task('appraise', ['fork']),
    { key: 'fork', kind: 'fork', name: 'fork', next: ['a', 'b'] },
    task('a', ['join']),
    task('b', ['join']),
    { key: 'join', kind: 'join', name: 'join', fork: 'fork', next: ['decide'] },
    task('decide', ['return']),
    { ...task('return', []), role: Role.RECEPTION },
  ],
};
const keys = (steps: WorkflowStep[]) => steps.map((step) => step.key);

describe('WorkflowNavigator', () => {
  const navigator = new WorkflowNavigator(parallel);

  it('starts at the first step and fans out at a fork', () => {
    expect(keys(navigator.firstTasks())).toEqual(['appraise']);
    expect(keys(navigator.tasksAfter('appraise', {}))).toEqual(['a', 'b']);
  });

  it('joins only when every branch is done or skipped', () => {
    expect(keys(navigator.tasksAfter('a', { appraise: 'done', b: 'open' }))).toEqual([]);
    expect(keys(navigator.tasksAfter('b', { appraise: 'done', a: 'done' }))).toEqual(['decide']);
    expect(keys(navigator.tasksAfter('b', { appraise: 'done', a: 'skipped' }))).toEqual(['decide']);
  });

  it('finds the return desk and the default step to send a dossier back to', () => {
    expect(navigator.returnDesk().key).toBe('return');
    expect(navigator.previousTask('a')?.key).toBe('appraise');
    expect(navigator.previousTask('decide')).toBeUndefined();
    expect(navigator.isBefore('appraise', 'decide')).toBe(true);
    expect(navigator.isBefore('decide', 'appraise')).toBe(false);
  });
});
