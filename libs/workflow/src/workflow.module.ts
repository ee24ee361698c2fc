import { Module } from '@nestjs/common';
import { CalendarModule } from '@motcua/calendar';
import { CatalogModule } from '@motcua/catalog';
import { PersistenceModule } from '@motcua/persistence';
import { Notifier } from './notifier';
import { TasksService } from './tasks.service';
import { WorkflowEngine } from './workflow.engine';

@Module({ imports: [PersistenceModule, CatalogModule, CalendarModule], providers: [WorkflowEngine, TasksService, Notifier], exports: [WorkflowEngine, TasksService, Notifier] })
export class WorkflowModule {}
