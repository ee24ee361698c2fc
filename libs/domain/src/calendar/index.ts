export { CalendarError, type CalendarErrorCode } from './calendar.errors';
export {
  DEFAULT_CALENDAR_SPEC,
  DEFAULT_DAY_SESSIONS,
  mergeCalendarSpec,
  type AgencyCalendarSpec,
  type CalendarOverride,
  type CalendarSpec,
  type OfficeSession,
  type Weekday,
  type WeeklySessions,
} from './calendar-spec';
export {
  DEADLINE_UNITS,
  reprojectDeadlines,
  type DeadlineChange,
  type DeadlineRequest,
  type DeadlineUnit,
  type OpenDeadline,
  type Pause,
  type PauseMode,
  type PausedDeadlineRequest,
} from './deadline';
export {
  addLocalDays,
  formatVietnameseDate,
  formatVietnameseDateTime,
  localDayRange,
  MAX_YEAR,
  MIN_YEAR,
  MS_PER_MINUTE,
  MINUTES_PER_HOUR,
  parseLocalDate,
  toLocalDate,
  VIETNAM_UTC_OFFSET_MINUTES,
  type LocalDate,
  type LocalTime,
} from './local-date';
export { NATIONAL_CALENDAR_SPEC, OFFICIAL_OVERRIDES } from './official-schedules';
export { classifyTimeliness, type Timeliness } from './timeliness';
export {
  buildWorkingCalendar,
  type BuildCalendarOptions,
  type MakeUpWorkingDay,
  type NonWorkingDay,
  type TimeLeft,
  type WorkingCalendar,
  type WorkingWeek,
  type YearSummary,
} from './working-calendar';
export type { NonWorkingKind } from './year-index';
