import { CalendarError } from './calendar.errors';
import type { WorkingCalendar } from './working-calendar';

export const DEADLINE_UNITS = ['working_hours', 'half_days', 'working_days', 'calendar_days', 'months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface DeadlineRequest {
  /** When the clock starts: a dossier's receipt or a step's hand-off; the counting-start rule applies to it. */
  readonly start: Date;
  /** Non-negative; whole for every unit except `working_days` (also 0.5, 1.5, …) and `working_hours` (any). */
  readonly amount: number;
  readonly unit: DeadlineUnit;
}

/** A stretch during which the legal clock stands still; `to: null` while it lasts. */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
}

/** `resume`: paused time is skipped. `restart`: the legal time starts again from zero after the last pause. */
export type PauseMode = 'resume' | 'restart';

export interface PausedDeadlineRequest extends DeadlineRequest {
  readonly pauses: readonly Pause[];
  readonly mode: PauseMode;
}

export function assertDeadlineAmount(amount: number, unit: DeadlineUnit): void {
  if (!DEADLINE_UNITS.includes(unit)) {
    throw new CalendarError('INVALID_UNIT', `Unknown deadline unit '${String(unit)}'`, { unit });
  }
  const wholeSteps = unit === 'working_hours' ? null : unit === 'working_days' ? 2 : 1;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || (wholeSteps !== null && !Number.isInteger(amount * wholeSteps))) {
    const expected = wholeSteps === 2 ? 'a multiple of 0.5' : wholeSteps === 1 ? 'a whole number' : 'a number';
    throw new CalendarError('INVALID_AMOUNT', `Amount for ${unit} must be ${expected} ≥ 0, got ${amount}`, {
      amount,
      unit,
    });
  }
}

/** An open deadline as stored: what it was computed from and what it came to. */
export interface OpenDeadline<K> {
  readonly key: K;
  readonly request: PausedDeadlineRequest;
  readonly deadline: Date | null;
}

export interface DeadlineChange<K> {
  readonly key: K;
  readonly previous: Date | null;
  readonly next: Date | null;
}

/**
 * After a calendar edit: recomputes each open deadline on the new snapshot (one deadline is
 * `calendar.deadlineWithPauses(request)`) and returns only those that moved.
 */
export function reprojectDeadlines<K>(calendar: WorkingCalendar, open: Iterable<OpenDeadline<K>>): DeadlineChange<K>[] {
  const changes: DeadlineChange<K>[] = [];
  for (const { key, request, deadline } of open) {
    const next = calendar.deadlineWithPauses(request);
    if (next?.getTime() !== deadline?.getTime()) changes.push({ key, previous: deadline, next });
  }
  return changes;
}
