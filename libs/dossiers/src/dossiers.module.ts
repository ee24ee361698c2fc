import { Module } from '@nestjs/common';
import { CalendarModule } from '@motcua/calendar';
import { CatalogModule } from '@motcua/catalog';
import { PersistenceModule } from '@motcua/persistence';
import { IntakeService } from './intake.service';
import { PublicLookupService } from './public-lookup.service';
import { RouteResolver } from './route-resolver';
import { SlipsService } from './slips.service';

@Module({
  imports: [PersistenceModule, CatalogModule, CalendarModule],
  providers: [IntakeService, PublicLookupService, RouteResolver, SlipsService],
  exports: [IntakeService, PublicLookupService, SlipsService],
})
export class DossiersModule {}
