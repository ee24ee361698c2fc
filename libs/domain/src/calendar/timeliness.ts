import { assertValidInstant, toLocalInstant } from './local-date';

/** Kết quả: sớm hạn / đúng hạn / quá hạn. */
export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * For dossiers and workflow steps alike: on time when ended at or before the deadline instant,
 * early when moreover on an earlier local date than the deadline, late otherwise.
 */
export function classifyTimeliness(endedAt: Date, deadline: Date): Timeliness {
  assertValidInstant(endedAt, 'endedAt');
  assertValidInstant(deadline, 'deadline');
  if (endedAt > deadline) return 'late';
  return toLocalInstant(endedAt).day < toLocalInstant(deadline).day ? 'early' : 'on_time';
}
