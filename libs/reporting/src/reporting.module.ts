import { Module } from '@nestjs/common';
import { PersistenceModule } from '@motcua/persistence';
import { ReportsService } from './reports.service';

@Module({ imports: [PersistenceModule], providers: [ReportsService], exports: [ReportsService] })
export class ReportingModule {}
