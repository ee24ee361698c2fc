import { Module } from '@nestjs/common';
import { CalendarModule } from '@motcua/calendar';
import { PersistenceModule } from '@motcua/persistence';
import { WorkflowModule } from '@motcua/workflow';
import { NotificationsController } from '../notifications/notifications.controller';
import { TasksController } from './tasks.controller';

@Module({ imports: [PersistenceModule, CalendarModule, WorkflowModule], controllers: [TasksController, NotificationsController] })
export class TasksApiModule {}
