import { Module } from '@nestjs/common';
import { CatalogModule } from '@motcua/catalog';
import { CatalogController } from './catalog.controller';
import { ProceduresController } from './procedures.controller';

@Module({ imports: [CatalogModule], controllers: [ProceduresController, CatalogController] })
export class ProceduresModule {}
