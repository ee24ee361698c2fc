import { Module } from '@nestjs/common';
import { CalendarModule } from '@motcua/calendar';
import { CatalogModule } from '@motcua/catalog';
import { PersistenceModule } from '@motcua/persistence';
import { StorageModule } from '@motcua/storage';
import { DossierFilesService } from './dossier-files.service';
import { IntakeService } from './intake.service';
import { PublicLookupService } from './public-lookup.service';
import { RouteResolver } from './route-resolver';
import { SlipsService } from './slips.service';

@Module({
  imports: [PersistenceModule, CatalogModule, CalendarModule, StorageModule],
  providers: [IntakeService, PublicLookupService, RouteResolver, SlipsService, DossierFilesService],
  exports: [IntakeService, PublicLookupService, SlipsService, DossierFilesService],
})
export class DossiersModule {}
