import { Injectable } from '@nestjs/common';
import { CatalogService } from '@motcua/catalog';
import { AppConfig } from '@motcua/config';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, hashPassword, NATIONAL_SCOPE, parseUnitFile } from '@motcua/domain';
import { AgenciesRepository, SigningKeysRepository, UnitsRepository, UsersRepository } from '@motcua/persistence';
import { selfSignedPkcs12 } from '@motcua/signing';
import { DEMO_CATALOG } from './demo-catalog';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-data';
import { DemoFilingsSeeder } from './demo-filings';
import khanhHoaBeforeReform from './khanh-hoa-2025-03.json';
import khanhHoaAfterReform from './khanh-hoa-2025-07.json';

/** Loads the demo; every step is an upsert, so running it twice changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly units: UnitsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly users: UsersRepository,
    private readonly signingKeys: SigningKeysRepository,
    private readonly catalog: CatalogService,
    private readonly filings: DemoFilingsSeeder,
    private readonly config: AppConfig,
  ) {}

  /** Returns what it did, one line per step, for the command line. */
  async run(): Promise<string[]> {
    const report: string[] = [];
    for (const file of [khanhHoaBeforeReform, khanhHoaAfterReform]) {
      const result = await this.units.importFile(parseUnitFile(file));
      report.push(`Units ${result.set}: ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged`);
    }
    for (const agency of DEMO_AGENCIES) {
      const unit = await this.units.findByPath('2025-03', agency.unitPath);
      if (!unit) throw new Error(`Demo unit ${agency.unitPath} is missing`);
      const parent = agency.parentCode ? await this.agencies.findByCode(NATIONAL_SCOPE, agency.parentCode) : null;
      await this.agencies.upsertByCode({ code: agency.code, name: agency.name, kind: agency.kind, unitId: unit.id, parentId: parent?.id ?? null });
      const stored = (await this.agencies.findByCode(NATIONAL_SCOPE, agency.code))!;
      // A self-signed key per agency, so results can be signed in the demo; a real one replaces it.
      if (!(await this.signingKeys.forAgency(stored.id))) {
        const passphrase = randomBytes(18).toString('base64url');
        await this.signingKeys.install(stored.id, { pkcs12: selfSignedPkcs12(agency.name, passphrase, new Date()), passphrase });
      }
    }
    report.push(`Agencies: ${DEMO_AGENCIES.length}, each with a self-signed signing key`);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      const agency = await this.agencies.findByCode(NATIONAL_SCOPE, user.agencyCode);
      if (!agency) throw new Error(`Demo agency ${user.agencyCode} is missing`);
      await this.users.upsert({ username: user.username, fullName: user.fullName, role: user.role, agencyId: agency.id, passwordHash, email: `${user.username}@motcua.demo` });
    }
    report.push(`Users: ${DEMO_USERS.length}, password ${DEMO_PASSWORD} (see the README's demo logins)`);
    const catalog = await this.catalog.import(DEMO_CATALOG, null);
    report.push(`Procedures: ${catalog.proceduresCreated} new, ${catalog.proceduresUpdated} updated; ` + `workflows: ${catalog.workflowsPublished} published, ${catalog.workflowsUnchanged} unchanged`);
    // The tests' template database is loaded with seed:demo too; their counters start with empty queues.
    report.push(this.config.NODE_ENV === 'test' ? 'Online and postal filings: none for the tests' : await this.filings.run());
    return report;
  }

  /** True when the database has no users yet (a fresh install). */
  async isEmpty(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }
}
