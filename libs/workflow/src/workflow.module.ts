import { Global, Module } from '@nestjs/common';
import { Notifier } from './notifier';
import { TasksService } from './tasks.service';
import { WorkflowEngine } from './workflow.engine';

@Global()
@Module({ providers: [WorkflowEngine, TasksService, Notifier], exports: [WorkflowEngine, TasksService, Notifier] })
export class WorkflowModule {}
