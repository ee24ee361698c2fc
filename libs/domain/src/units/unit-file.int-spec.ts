import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '@motcua/testing';
import { ErrorCode } from '../errors';
import { parseUnitFile } from './unit-file';

const SHARED_DATA = testConfig.sharedDataDir;
const read = (file: string) => JSON.parse(readFileSync(join(SHARED_DATA, file), 'utf8'));
const count = (units: { level: string }[], level: string) => units.filter((unit) => unit.level === level).length;

describe('parseUnitFile', () => {
  it('reads the GSO three-level file: 63 provinces, 696 districts, 10,047 communes', () => {
    const file = parseUnitFile(read('dvhc-2025-03-three-level.json'));
    expect(file.set).toBe('2025-03');
    expect([count(file.units, 'province'), count(file.units, 'district'), count(file.units, 'commune')]).toEqual([63, 696, 10047]);
    expect(file.units).toContainEqual({
      code: '22330',
      level: 'commune',
      name: 'Phường Vĩnh Hải',
      type: 'Phường',
      parentCode: '568',
      path: '56.568.22330',
    });
    expect(file.successions).toEqual([]);
  });

  it('reads the two-level file with its succession links and derives types from names', () => {
    const file = parseUnitFile(read('dvhc-2025-07-two-level.json'));
    expect(file.set).toBe('2025-07');
    expect([count(file.units, 'province'), count(file.units, 'district'), count(file.units, 'commune')]).toEqual([34, 0, 3321]);
    expect(file.units.find((unit) => unit.code === '01')).toMatchObject({ type: 'Thành phố Trung ương', path: '01' });
    expect(file.units.find((unit) => unit.code === '00004')).toMatchObject({ type: 'Phường', path: '01.00004', name: 'Phường Ba Đình' });
    expect(file.successions).toContainEqual({ oldLevel: 'province', oldCode: '58', newLevel: 'province', newCode: '56', kind: 'full' });
    expect(file.successions).toContainEqual({ oldLevel: 'commune', oldCode: '00016', newLevel: 'commune', newCode: '00004', kind: 'partial' });
    // An island district without communes became a special zone (Đặc khu Bạch Long Vĩ).
    expect(file.successions).toContainEqual({ oldLevel: 'district', oldCode: '318', newLevel: 'commune', newCode: '11948', kind: 'full' });
  });

  it('rejects a malformed file naming every bad field', () => {
    const bad = { data: [{ level1_id: 1, name: '', level2s: [{ level2_id: '001', name: 'Quận A', level3s: [{ level3_id: 'x', name: 'Xã B' }] }] }] };
    expect(() => parseUnitFile(bad)).toThrow(
      expect.objectContaining({
        code: ErrorCode.VALIDATION_FAILED,
        details: {
          fields: [
            { field: 'data[0].level1_id', reason: 'must be a 2-digit code string' },
            { field: 'data[0].name', reason: 'must be a non-empty string' },
            { field: 'data[0].level2s[0].level3s[0].level3_id', reason: 'must be a 5-digit code string' },
          ],
        },
      }),
    );
    expect(() => parseUnitFile({ rows: [] })).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
  });
});
