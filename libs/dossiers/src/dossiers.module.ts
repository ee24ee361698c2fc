import { Global, Module } from '@nestjs/common';
import { IntakeService } from './intake.service';
import { PublicLookupService } from './public-lookup.service';

@Global()
@Module({ providers: [IntakeService, PublicLookupService], exports: [IntakeService, PublicLookupService] })
export class DossiersModule {}
