import { Client } from 'pg';
import { localDayRange } from '@motcua/domain';
import { ReportGroup, ReportPeriod, ReportsRepository } from '@motcua/persistence';
import { insertSyntheticDossiers } from '@motcua/testing';
import { startApi, TestApi } from './support/api';

const GROUPS: ReportGroup[] = ['province', 'district', 'commune', 'agency', 'procedure', 'field'];
/** Month-aligned, day-aligned, across a year end, a two-day period, and one reaching past the data. */
const PERIODS = [
  ['2025-01-01', '2025-01-31'],
  ['2025-02-10', '2025-04-16'],
  ['2025-03-01', '2025-05-31'],
  ['2024-12-20', '2025-01-08'],
  ['2025-05-14', '2025-05-15'],
  ['2025-04-01', '2025-12-31'],
];
/** The whole country, a province, a district, a commune before and a commune after the reform; each report also in the post-reform units. */
const SCOPES = [null, '56', '56.568'];
const UNITS = [undefined, '56', '56.568', '56.568.22330', '56.22333'];

describe('report roll-ups', () => {
  let api: TestApi;
  let reports: ReportsRepository;

  /** Every column of every group from the roll-ups equals the plain aggregate over the dossiers. */
  const expectParity = async () => {
    let groups = 0;
    for (const [from, to] of PERIODS) {
      const { start, end } = localDayRange(from, to);
      for (const scopePath of SCOPES) {
        for (const unitPath of UNITS) {
          for (const unitSet of [undefined, '2025-07'] as const) {
            const period: ReportPeriod = { from: start, to: end, unitPath, unitSet };
            for (const groupBy of GROUPS) {
              const plain = await reports.timelinessFromDossiers({ unitPath: scopePath }, period, groupBy);
              const asked = { from, to, scopePath, unitPath, unitSet, groupBy };
              expect({ ...asked, rows: await reports.timeliness({ unitPath: scopePath }, period, groupBy) }).toEqual({ ...asked, rows: plain });
              groups += plain.length;
            }
          }
        }
      }
    }
    return groups;
  };

  beforeAll(async () => {
    api = await startApi();
    reports = api.app.get(ReportsRepository);
    // A commune agency after the reform (province → commune, no district), beside the demo's pre-reform ones.
    await api.env.query(
      `INSERT INTO agencies (code, name, kind, unit_id)
       SELECT '001.00.41.H56', 'Ủy ban nhân dân phường Bắc Nha Trang', 'PEOPLES_COMMITTEE', id FROM administrative_units
       WHERE unit_set = '2025-07' AND level = 'commune' AND code = '22333'`,
    );
    // Bulk-loaded synthetic dossiers (the state under test, not an outcome to check).
    await insertSyntheticDossiers((sql, params) => api.env.query(sql, params), { first: 1, last: 4000, since: '2025-01-01', days: 130, now: new Date('2025-05-15T10:00:00+07:00') });
  }, 60_000);
  afterAll(async () => api.close());

  it('gives the plain aggregate’s numbers for every column, period, scope, unit, unit set and grouping', async () => {
    const [{ total }] = await api.env.query<{ total: number }>(`SELECT count(*)::int AS total FROM dossiers WHERE code LIKE 'SYN-%'`);
    expect(total).toBe(4000);
    expect(await expectParity()).toBeGreaterThan(1000);
  }, 120_000);

  it('stays exact as dossiers change: appointments moved, dossiers finished, withdrawn, moved across days', async () => {
    await reports.catchUp();
    await api.env.query(`UPDATE dossiers SET due_at = due_at + interval '3 days 2 hours' WHERE code LIKE 'SYN-%' AND finished_at IS NULL AND right(code, 1) IN ('1', '2')`);
    await api.env.query(
      `UPDATE dossiers SET finished_at = received_at + interval '30 hours', status = 'RESOLVED',
         timeliness = CASE WHEN received_at + interval '30 hours' <= due_at THEN 'on_time' ELSE 'late' END
       WHERE code LIKE 'SYN-%' AND finished_at IS NULL AND closed_at IS NULL AND right(code, 1) = '3'`,
    );
    await api.env.query(`UPDATE dossiers SET closed_at = received_at + interval '2 days', status = 'WITHDRAWN' WHERE code LIKE 'SYN-%' AND finished_at IS NULL AND right(code, 1) = '4'`);
    // Bad data is counted as the plain aggregate counts it: an appointment before the reception, or none.
    await api.env.query(`UPDATE dossiers SET due_at = NULL WHERE code LIKE 'SYN-%' AND finished_at IS NULL AND right(code, 2) IN ('07', '08')`);
    await api.env.query(`UPDATE dossiers SET due_at = due_at - interval '5 days' WHERE code LIKE 'SYN-%' AND right(code, 2) = '55'`);
    const [{ queued }] = await api.env.query<{ queued: number }>(`SELECT count(*)::int AS queued FROM report_changes`);
    expect(queued).toBeGreaterThan(100);
    expect(await expectParity()).toBeGreaterThan(1000);
  }, 120_000);

  it('lets a background projector skip its turn while another projects, instead of waiting on the lock', async () => {
    await api.env.query(`UPDATE dossiers SET due_at = due_at + interval '1 day' WHERE code IN ('SYN-11', 'SYN-12')`);
    const other = new Client({ connectionString: api.env.databaseUrl });
    await other.connect();
    try {
      await other.query(`BEGIN`);
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('report_project'))`);
      const started = Date.now();
      expect(await reports.projectIfFree(100)).toBe(0);
      expect(Date.now() - started).toBeLessThan(1000);
      const [{ waiting }] = await api.env.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      expect(waiting).toBe(0);
      await other.query(`ROLLBACK`);
      expect(await reports.projectIfFree(100)).toBe(2);
      expect(await reports.projectIfFree(100)).toBe(0);
    } finally {
      await other.end();
    }
    expect(await expectParity()).toBeGreaterThan(1000);
  }, 120_000);

  it('recounts from the dossiers to the same numbers', async () => {
    expect(await reports.rebuild()).toBeGreaterThanOrEqual(4000);
    expect(await expectParity()).toBeGreaterThan(1000);
  }, 120_000);
});
