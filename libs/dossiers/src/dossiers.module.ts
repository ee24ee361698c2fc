import { Global, Module } from '@nestjs/common';
import { IntakeService } from './intake.service';
import { PublicLookupService } from './public-lookup.service';
import { RouteResolver } from './route-resolver';

@Global()
@Module({ providers: [IntakeService, PublicLookupService, RouteResolver], exports: [IntakeService, PublicLookupService] })
export class DossiersModule {}
