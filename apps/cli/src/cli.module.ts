import { Module } from '@nestjs/common';
import { CalendarModule } from '@motcua/calendar';
import { CatalogModule } from '@motcua/catalog';
import { AppConfigModule } from '@motcua/config';
import { DossiersModule } from '@motcua/dossiers';
import { PersistenceModule } from '@motcua/persistence';
import { DemoFilingsSeeder } from './seed/demo-filings';
import { DemoSeeder } from './seed/demo.seeder';

@Module({ imports: [AppConfigModule, PersistenceModule, CatalogModule, CalendarModule, DossiersModule], providers: [DemoSeeder, DemoFilingsSeeder] })
export class CliModule {}
