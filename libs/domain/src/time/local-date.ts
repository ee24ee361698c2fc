/** Vietnam has kept UTC+07:00 without daylight saving since 1975, so the offset is a constant. */
const VIETNAM_OFFSET_MINUTES = 7 * 60;
const MS_PER_MINUTE = 60_000;

/** The local date (yyyy-MM-dd) in Asia/Ho_Chi_Minh of an instant. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * MS_PER_MINUTE).toISOString().slice(0, 10);
}

/** The local date before a yyyy-MM-dd date. */
export function previousLocalDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
