import { Module } from '@nestjs/common';
import { CatalogModule } from '@motcua/catalog';
import { AppConfigModule } from '@motcua/config';
import { PersistenceModule } from '@motcua/persistence';
import { DemoSeeder } from './seed/demo.seeder';

@Module({ imports: [AppConfigModule, PersistenceModule, CatalogModule], providers: [DemoSeeder] })
export class CliModule {}
