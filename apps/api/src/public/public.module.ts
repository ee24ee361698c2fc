import { Module } from '@nestjs/common';
import { DossiersModule } from '@motcua/dossiers';
import { RedisModule } from '@motcua/queue';
import { LookupLimiter } from './lookup-limiter';
import { PublicDossiersController } from './public-dossiers.controller';

@Module({ imports: [RedisModule, DossiersModule], controllers: [PublicDossiersController], providers: [LookupLimiter] })
export class PublicModule {}
