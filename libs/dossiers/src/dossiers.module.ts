import { Global, Module } from '@nestjs/common';
import { IntakeService } from './intake.service';
import { PublicLookupService } from './public-lookup.service';
import { RouteResolver } from './route-resolver';
import { SlipsService } from './slips.service';

@Global()
@Module({ providers: [IntakeService, PublicLookupService, RouteResolver, SlipsService], exports: [IntakeService, PublicLookupService, SlipsService] })
export class DossiersModule {}
