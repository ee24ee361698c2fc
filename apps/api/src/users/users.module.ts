import { Module } from '@nestjs/common';
import { PersistenceModule } from '@motcua/persistence';
import { WorkflowModule } from '@motcua/workflow';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [PersistenceModule, WorkflowModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
