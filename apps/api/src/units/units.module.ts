import { Module } from '@nestjs/common';
import { PersistenceModule } from '@motcua/persistence';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({ imports: [PersistenceModule], controllers: [UnitsController], providers: [UnitsService] })
export class UnitsModule {}
