import { Module } from '@nestjs/common';
import { LookupLimiter } from './lookup-limiter';
import { PublicDossiersController } from './public-dossiers.controller';
import { StatusPageController } from './status-page.controller';

@Module({ controllers: [PublicDossiersController, StatusPageController], providers: [LookupLimiter] })
export class PublicModule {}
