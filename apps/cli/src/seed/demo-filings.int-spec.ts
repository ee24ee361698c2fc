import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntakeService } from '@motcua/dossiers';
import { UsersRepository } from '@motcua/persistence';
import { createTestEnvironment, TestEnvironment } from '@motcua/testing';
import { CliModule } from '../cli.module';
import { DemoFilingsSeeder } from './demo-filings';
import { DemoSeeder } from './demo.seeder';

describe('the demo filings', () => {
  let env: TestEnvironment;
  let cli: INestApplicationContext;
  beforeAll(async () => {
    env = await createTestEnvironment();
    cli = await NestFactory.createApplicationContext(CliModule, { logger: false });
  });
  afterAll(async () => {
    await cli.close();
    await env.dispose();
  });

  const waiting = () =>
    env.query(
      `SELECT a.code AS agency, d.channel, d.procedure_code AS procedure, d.status, (SELECT array_agg(h.action) FROM dossier_history h WHERE h.dossier_id = d.id) AS history
         FROM dossiers d JOIN agencies a ON a.id = d.receiving_agency_id ORDER BY d.code`,
    );

  it('leaves the tests their empty queues: seed:demo files nothing under NODE_ENV=test', async () => {
    expect(await cli.get(DemoSeeder).run()).toContain('Online and postal filings: none for the tests');
    expect(await waiting()).toEqual([]);
  });

  it('files two online and one postal filing at Phường Vĩnh Hải and one online at Nha Trang, waiting for a decision, once', async () => {
    const seeder = cli.get(DemoFilingsSeeder);
    await expect(seeder.run()).resolves.toBe('Online and postal filings waiting at the counters: 4 new, 0 already there');
    const filed = await waiting();
    expect(filed).toEqual([
      { agency: '000.00.31.H56', channel: 'online', procedure: '2.000720', status: 'SUBMITTED', history: ['submit'] },
      { agency: '002.00.31.H56', channel: 'online', procedure: '1.001193', status: 'SUBMITTED', history: ['submit'] },
      { agency: '002.00.31.H56', channel: 'online', procedure: '2.000815', status: 'SUBMITTED', history: ['submit'] },
      { agency: '002.00.31.H56', channel: 'post', procedure: '1.004227', status: 'SUBMITTED', history: ['submit'] },
    ]);

    // Safe to run twice, even after the counter has decided on one of them.
    const officer = (await cli.get(UsersRepository).findActiveByUsername('tiepnhan.vinhhai'))!;
    const actor = {
      userId: officer.id,
      username: officer.username,
      fullName: officer.fullName,
      role: officer.role,
      agencyId: officer.agencyId,
      agencyCode: officer.agencyCode,
      scope: { unitPath: officer.unitPath },
    };
    const [{ code }] = await env.query<{ code: string }>(`SELECT code FROM dossiers WHERE procedure_code = '2.000815'`);
    await cli.get(IntakeService).decide(actor, code, { action: 'refuse', reason: 'Bản chính không rõ nét' }, undefined, new Date());
    await expect(seeder.run()).resolves.toBe('Online and postal filings waiting at the counters: 0 new, 4 already there');
    expect(await waiting()).toHaveLength(4);
  });
});
