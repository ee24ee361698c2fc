/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON from outside, checked field by field */
import { DomainError, FieldProblem } from '../errors';

export type UnitLevel = 'province' | 'district' | 'commune';

/**
 * The two sets of administrative units the system knows. The 2025 reform (in force 1 July 2025)
 * abolished districts and reused old codes for new units, so every unit belongs to one set and is
 * effective-dated by it. Dates are local dates; validTo is exclusive.
 */
export const UNIT_SETS = {
  '2025-03': { label: 'Three levels (GSO directory of 1 March 2025)', validFrom: null, validTo: '2025-07-01' },
  '2025-07': { label: 'Two levels (from 1 July 2025)', validFrom: '2025-07-01', validTo: null },
} as const;
export type UnitSetKey = keyof typeof UNIT_SETS;

export interface UnitRecord {
  code: string;
  level: UnitLevel;
  name: string;
  /** Tỉnh, Thành phố Trung ương, Quận, Huyện, Thị xã, Thành phố, Phường, Xã, Thị trấn, Đặc khu */
  type: string;
  parentCode: string | null;
  /** Codes from the province down, joined by dots: '56', '56.568', '56.568.22330'. */
  path: string;
}

/** An old unit that became (all or part of) a new one on the reform date. */
export interface SuccessionRecord {
  oldLevel: UnitLevel;
  oldCode: string;
  newLevel: UnitLevel;
  newCode: string;
  kind: 'full' | 'partial';
}

export interface UnitFile {
  set: UnitSetKey;
  units: UnitRecord[];
  successions: SuccessionRecord[];
}

const CODE_LENGTH: Record<UnitLevel, number> = { province: 2, district: 3, commune: 5 };
const LEVEL_BY_CODE_LENGTH: Record<number, UnitLevel> = { 2: 'province', 3: 'district', 5: 'commune' };
const TYPE_PREFIXES = ['Thành phố', 'Tỉnh', 'Phường', 'Xã', 'Đặc khu', 'Thị trấn'];

/** Reads either file format of ../shared/data (GSO three-level, or two-level with merges). */
export function parseUnitFile(json: unknown): UnitFile {
  const data = (json as { data?: unknown })?.data;
  if (!Array.isArray(data) || data.length === 0) {
    throw DomainError.validation([{ field: 'data', reason: 'must be a non-empty array of provinces' }], 'Not a unit file');
  }
  const threeLevel = data.some((province) => Array.isArray(province?.level2s?.[0]?.level3s));
  const reader = new UnitFileReader();
  const parsed = threeLevel ? reader.readThreeLevel(data) : reader.readTwoLevel(data);
  if (reader.problems.length > 0) {
    throw DomainError.validation(reader.problems.slice(0, 50), `The unit file has ${reader.problems.length} problem(s)`);
  }
  return parsed;
}

class UnitFileReader {
  readonly problems: FieldProblem[] = [];

  readThreeLevel(provinces: any[]): UnitFile {
    const units: UnitRecord[] = [];
    provinces.forEach((province, p) => {
      const provinceCode = this.code(province?.level1_id, 'province', `data[${p}].level1_id`);
      units.push(this.unit(province, provinceCode, 'province', null, provinceCode, `data[${p}]`));
      this.list(province?.level2s, `data[${p}].level2s`).forEach((district, d) => {
        const at = `data[${p}].level2s[${d}]`;
        const districtCode = this.code(district?.level2_id, 'district', `${at}.level2_id`);
        const districtPath = `${provinceCode}.${districtCode}`;
        units.push(this.unit(district, districtCode, 'district', provinceCode, districtPath, at));
        this.list(district?.level3s, `${at}.level3s`).forEach((commune, c) => {
          const communeCode = this.code(commune?.level3_id, 'commune', `${at}.level3s[${c}].level3_id`);
          units.push(this.unit(commune, communeCode, 'commune', districtCode, `${districtPath}.${communeCode}`, `${at}.level3s[${c}]`));
        });
      });
    });
    return { set: '2025-03', units, successions: [] };
  }

  readTwoLevel(provinces: any[]): UnitFile {
    const units: UnitRecord[] = [];
    const successions: SuccessionRecord[] = [];
    provinces.forEach((province, p) => {
      const provinceCode = this.code(province?.level1_id, 'province', `data[${p}].level1_id`);
      units.push(this.unit(province, provinceCode, 'province', null, provinceCode, `data[${p}]`));
      successions.push(...this.merges(province?.merges, 'province', provinceCode, `data[${p}].merges`));
      this.list(province?.level2s, `data[${p}].level2s`).forEach((commune, c) => {
        const at = `data[${p}].level2s[${c}]`;
        const communeCode = this.code(commune?.level2_id, 'commune', `${at}.level2_id`);
        units.push(this.unit(commune, communeCode, 'commune', provinceCode, `${provinceCode}.${communeCode}`, at));
        successions.push(...this.merges(commune?.merges, 'commune', communeCode, `${at}.merges`));
      });
    });
    return { set: '2025-07', units, successions };
  }

  private unit(raw: any, code: string, level: UnitLevel, parentCode: string | null, path: string, at: string): UnitRecord {
    const name = typeof raw?.name === 'string' ? raw.name.trim() : '';
    if (!name) this.problems.push({ field: `${at}.name`, reason: 'must be a non-empty string' });
    const type = typeof raw?.type === 'string' && raw.type ? raw.type : typeFromName(name, level);
    return { code, level, name, type, parentCode, path };
  }

  /** Old codes are usually of the new unit's level, but island districts with no communes became special zones (Đặc khu). */
  private merges(raw: unknown, newLevel: UnitLevel, newCode: string, at: string): SuccessionRecord[] {
    return this.list(raw, at).map((merge, m) => {
      const kind = merge?.type;
      if (kind !== 'full' && kind !== 'partial') this.problems.push({ field: `${at}[${m}].type`, reason: "must be 'full' or 'partial'" });
      const oldLevel = LEVEL_BY_CODE_LENGTH[String(merge?.old_id).length] ?? newLevel;
      return { oldLevel, oldCode: this.code(merge?.old_id, oldLevel, `${at}[${m}].old_id`), newLevel, newCode, kind };
    });
  }

  private code(raw: unknown, level: UnitLevel, field: string): string {
    const length = CODE_LENGTH[level];
    if (typeof raw !== 'string' || !new RegExp(`^\\d{${length}}$`).test(raw)) {
      this.problems.push({ field, reason: `must be a ${length}-digit code string` });
      return String(raw);
    }
    return raw;
  }

  private list(raw: unknown, field: string): any[] {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      this.problems.push({ field, reason: 'must be an array' });
      return [];
    }
    return raw;
  }
}

/** The two-level file has no `type`; the name starts with it ('Thành phố Hà Nội', 'Xã Ba Vì'). */
function typeFromName(name: string, level: UnitLevel): string {
  const prefix = TYPE_PREFIXES.find((candidate) => name.startsWith(`${candidate} `)) ?? '';
  return level === 'province' && prefix === 'Thành phố' ? 'Thành phố Trung ương' : prefix;
}
