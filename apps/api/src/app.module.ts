import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AppConfigModule } from '@motcua/config';
import { AdminModule } from './admin/admin.module';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarApiModule } from './calendar/calendar.module';
import { DossiersApiModule } from './dossiers/dossiers.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { ApiLoggerModule } from './common/logger';
import { createValidationPipe } from './common/validation.pipe';
import { HealthModule } from './health/health.module';
import { ProceduresModule } from './procedures/procedures.module';
import { PublicModule } from './public/public.module';
import { ReportsApiModule } from './reports/reports.module';
import { TasksApiModule } from './tasks/tasks.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    AppConfigModule,
    ApiLoggerModule,
    AuthModule,
    HealthModule,
    UnitsModule,
    AgenciesModule,
    CalendarApiModule,
    ProceduresModule,
    DossiersApiModule,
    PublicModule,
    TasksApiModule,
    ReportsApiModule,
    UsersModule,
    AuditModule,
    AdminModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
