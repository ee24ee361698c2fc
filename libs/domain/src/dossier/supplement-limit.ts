import { addLocalDays, localDayRange, toLocalDate } from '../calendar/local-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { PauseRecord } from './dossier';

/** Working days a requested supplement may take before processing stops (the legal rule). */
export const SUPPLEMENT_LIMIT_WORKING_DAYS = 15;

/** The end of the 15th working day after the request: a working day is its sessions, however long. */
export function supplementLimit(calendar: WorkingCalendar, requestedAt: Date): Date {
  return calendar.deadline({ start: requestedAt, amount: SUPPLEMENT_LIMIT_WORKING_DAYS, unit: 'working_days' });
}

/** The open supplement request of a dossier's pauses, if it waits for papers. */
export function openSupplementRequest(pauses: PauseRecord[]): PauseRecord | undefined {
  return pauses.find((pause) => pause.kind === 'supplement' && pause.to === null);
}

/**
 * An instant after every request whose limit has passed by `now` (within a second): the limit only
 * grows with the request instant, so a binary search over the last year finds where it crosses `now`.
 * The sweep reads only requests made before it, and still checks each against its own limit.
 */
export function latestExpiredRequest(calendar: WorkingCalendar, now: Date): Date {
  const yearAgo = addLocalDays(toLocalDate(now), -366);
  let [expired, pending] = [localDayRange(yearAgo, yearAgo).start.getTime(), now.getTime()];
  while (pending - expired > 1000) {
    const middle = Math.floor((expired + pending) / 2);
    if (supplementLimit(calendar, new Date(middle)) <= now) expired = middle;
    else pending = middle;
  }
  return new Date(pending);
}
