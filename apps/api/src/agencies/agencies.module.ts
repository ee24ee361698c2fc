import { Module } from '@nestjs/common';
import { PersistenceModule } from '@motcua/persistence';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';

@Module({ imports: [PersistenceModule], controllers: [AgenciesController], providers: [AgenciesService] })
export class AgenciesModule {}
