import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseUnitFile } from '@motcua/domain';
import { createTestEnvironment, TestEnvironment, testConfig } from '@motcua/testing';
import { dataSourceOptions } from '../data-source';
import { UnitsRepository } from './units.repository';

const read = (file: string) => parseUnitFile(JSON.parse(readFileSync(join(testConfig.sharedDataDir, file), 'utf8')));

describe('UnitsRepository.importFile with the real national files', () => {
  let env: TestEnvironment;
  let db: DataSource;
  let units: UnitsRepository;

  beforeAll(async () => {
    env = await createTestEnvironment();
    db = await new DataSource(dataSourceOptions(env.databaseUrl)).initialize();
    units = new UnitsRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
    await env.dispose();
  });

  it('imports 63 / 696 / 10,047 and 34 / 3,321 units, then changes nothing on a second import', async () => {
    const threeLevel = read('dvhc-2025-03-three-level.json');
    const twoLevel = read('dvhc-2025-07-two-level.json');
    await units.importFile(threeLevel);
    await units.importFile(twoLevel);
    expect(await units.countBySet()).toEqual({
      '2025-03': { province: 63, district: 696, commune: 10047 },
      '2025-07': { province: 34, commune: 3321 },
    });
    const successions = await db.query(`SELECT count(*)::int AS n FROM unit_successions`);
    const merges = twoLevel.successions.length;
    expect(successions[0].n).toBe(merges);

    const again = await Promise.all([units.importFile(threeLevel), units.importFile(twoLevel)]);
    expect(again.map(({ inserted, updated, successionsInserted }) => ({ inserted, updated, successionsInserted }))).toEqual([
      { inserted: 0, updated: 0, successionsInserted: 0 },
      { inserted: 0, updated: 0, successionsInserted: 0 },
    ]);
    expect(again.map((result) => result.unchanged)).toEqual([10806, 3355]);
  });

  it('dates every unit by its set, so a reused code resolves to the unit in force at the date', async () => {
    const at = async (date: string) => (await units.list({ unitPath: null }, { at: date, level: 'commune', limit: 500, offset: 0 })).items.find((unit) => unit.code === '00004');
    expect(await at('2025-06-30')).toMatchObject({ name: 'Phường Trúc Bạch', unitSet: '2025-03', path: '01.001.00004' });
    expect(await at('2025-07-01')).toMatchObject({ name: 'Phường Ba Đình', unitSet: '2025-07', path: '01.00004' });
  });

  it('keeps every query inside the scope it is given', async () => {
    const scoped = await units.list({ unitPath: '01.001' }, { at: '2025-03-01', limit: 500, offset: 0 });
    expect(scoped.total).toBe(14); // Quận Ba Đình and its 13 phường
    expect(scoped.items.every((unit) => unit.path === '01.001' || unit.path.startsWith('01.001.'))).toBe(true);
    // '01.0010' would be matched by a naive prefix; the scope condition must not.
    expect(scoped.items.map((unit) => unit.path)).not.toContain('01.0010');
  });
});
