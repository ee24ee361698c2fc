import { Module } from '@nestjs/common';
import { NotificationsController } from '../notifications/notifications.controller';
import { TasksController } from './tasks.controller';

@Module({ controllers: [TasksController, NotificationsController] })
export class TasksApiModule {}
