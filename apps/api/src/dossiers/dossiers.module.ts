import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { RegistersController } from '../registers/registers.controller';
import { DossiersController } from './dossiers.controller';

@Module({ controllers: [DossiersController, RegistersController], providers: [IdempotencyInterceptor] })
export class DossiersApiModule {}
