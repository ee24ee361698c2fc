import { Module } from '@nestjs/common';
import { DossiersModule } from '@motcua/dossiers';
import { PersistenceModule } from '@motcua/persistence';
import { WorkflowModule } from '@motcua/workflow';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { RegistersController } from '../registers/registers.controller';
import { DossiersController } from './dossiers.controller';
import { FilesController } from './files.controller';
import { SlipPrinter } from './slip-printer';

@Module({ imports: [PersistenceModule, DossiersModule, WorkflowModule], controllers: [DossiersController, FilesController, RegistersController], providers: [IdempotencyInterceptor, SlipPrinter] })
export class DossiersApiModule {}
