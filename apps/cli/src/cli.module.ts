import { Module } from '@nestjs/common';
import { AppConfigModule } from '@motcua/config';
import { PersistenceModule } from '@motcua/persistence';
import { DemoSeeder } from './seed/demo.seeder';

@Module({ imports: [AppConfigModule, PersistenceModule], providers: [DemoSeeder] })
export class CliModule {}
