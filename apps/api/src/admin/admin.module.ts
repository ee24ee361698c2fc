import { Module } from '@nestjs/common';
import { PersistenceModule } from '@motcua/persistence';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';

@Module({ imports: [PersistenceModule], controllers: [DeadLettersController], providers: [DeadLettersService] })
export class AdminModule {}
