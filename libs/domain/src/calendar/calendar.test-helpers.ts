// Test helpers, deliberately independent of local-date.ts: they go through the platform's tz data.

const VIETNAM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'yyyy-MM-dd HH:mm' in Vietnamese local time. */
export function vn(at: Date | null): string | null {
  return at === null ? null : VIETNAM.format(at);
}

/** The instant of a Vietnamese local 'yyyy-MM-dd HH:mm'. */
export function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`);
}
