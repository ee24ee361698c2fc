import { Module } from '@nestjs/common';
import { CalendarModule } from '@motcua/calendar';
import { PersistenceModule } from '@motcua/persistence';
import { CatalogService } from './catalog.service';

@Module({ imports: [PersistenceModule, CalendarModule], providers: [CatalogService], exports: [CatalogService] })
export class CatalogModule {}
