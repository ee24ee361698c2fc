import { Module } from '@nestjs/common';
import { PersistenceModule } from '@motcua/persistence';
import { CalendarService } from './calendar.service';

@Module({ imports: [PersistenceModule], providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}
