import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { ProceduresController } from './procedures.controller';

@Module({ controllers: [ProceduresController, CatalogController] })
export class ProceduresModule {}
