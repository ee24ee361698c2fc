import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@motcua/config';
import { dataSourceOptions } from './data-source';
import { DatabaseHealth } from './database-health';
import {
  AgenciesRepository,
  AuditRepository,
  CalendarRepository,
  CatalogRepository,
  DossiersRepository,
  FilesRepository,
  IdempotencyRepository,
  NotificationsRepository,
  OutboxRepository,
  ReportsRepository,
  SecretsRepository,
  SigningKeysRepository,
  TasksRepository,
  UnitsRepository,
  UsersRepository,
} from './repositories';

const REPOSITORIES = [
  UnitsRepository,
  AgenciesRepository,
  UsersRepository,
  CalendarRepository,
  CatalogRepository,
  DossiersRepository,
  FilesRepository,
  IdempotencyRepository,
  TasksRepository,
  OutboxRepository,
  NotificationsRepository,
  ReportsRepository,
  AuditRepository,
  SecretsRepository,
  SigningKeysRepository,
  DatabaseHealth,
];

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL, config.DATABASE_QUERY_TIMEOUT_MS), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
