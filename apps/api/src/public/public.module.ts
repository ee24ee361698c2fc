import { Module } from '@nestjs/common';
import { LookupLimiter } from './lookup-limiter';
import { PublicDossiersController } from './public-dossiers.controller';

@Module({ controllers: [PublicDossiersController], providers: [LookupLimiter] })
export class PublicModule {}
