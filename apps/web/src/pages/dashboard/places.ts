import type { Schemas } from '../../api/client';

export type Grouping = Schemas['TimelinessReportDto']['groupBy'];
export type Level = 'national' | 'province' | 'district' | 'commune';

/** A unit the report is narrowed to: the supervisor's scope, or one they drilled into. */
export interface Place {
  /** Unit path ('56.568'); null for the whole country. */
  path: string | null;
  name: string;
}

const LEVELS: Level[] = ['national', 'province', 'district', 'commune'];

export const levelOf = (path: string | null): Level => (path === null ? 'national' : LEVELS[path.split('.').length]);

/** The code the API's `unit` filter takes: the last part of the path ('56.568' → '568'). */
export const unitCode = (path: string): string => path.split('.').at(-1)!;

export const GROUPING_LABEL: Record<Grouping, string> = {
  province: 'Tỉnh, thành phố',
  district: 'Huyện, thị xã, thành phố',
  commune: 'Xã, phường, thị trấn',
  agency: 'Cơ quan',
  procedure: 'Thủ tục',
  field: 'Lĩnh vực',
};

/** How a downloaded file names the split: bao-cao-568-xa-2026-01-01-2026-11-23.xlsx. */
export const GROUPING_IN_FILE_NAME: Record<Grouping, string> = {
  province: 'tinh',
  district: 'huyen',
  commune: 'xa',
  agency: 'co-quan',
  procedure: 'thu-tuc',
  field: 'linh-vuc',
};

const UNIT_GROUPINGS: Grouping[] = ['province', 'district', 'commune'];

/** A place's report can be split by the unit levels below it, and by agency, procedure or field. */
export function groupingsOf(place: Place): Grouping[] {
  const depth = LEVELS.indexOf(levelOf(place.path));
  return [...UNIT_GROUPINGS.slice(depth), 'agency', 'procedure', 'field'];
}

/** First split: by the units one level down; a commune, by procedure. */
export function defaultGrouping(place: Place): Grouping {
  const [first] = groupingsOf(place);
  return opensUnits(first) ? first : 'procedure';
}

/** Rows of a split by units are units themselves, which the supervisor can open. */
export const opensUnits = (grouping: Grouping) => UNIT_GROUPINGS.includes(grouping);

/** The row without a key: dossiers the split cannot place (received above its level, or without a field). */
export const unplacedLabel = (grouping: Grouping) => (opensUnits(grouping) ? 'Tiếp nhận tại cơ quan cấp trên' : 'Chưa xác định');

const RANKING_LEVELS = ['district', 'commune', 'agency'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

/** A ranking compares units below the place: a district's communes, not the district against itself. */
export const rankingLevelsOf = (place: Place): RankingLevel[] => RANKING_LEVELS.filter((level) => groupingsOf(place).includes(level));
