import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PersistenceModule } from '@motcua/persistence';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';

@Module({ imports: [PersistenceModule], controllers: [AuditController], providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }] })
export class AuditModule {}
