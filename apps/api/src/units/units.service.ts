import { Injectable } from '@nestjs/common';
import { Clock } from '@motcua/config';
import { addLocalDays, toLocalDate } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { AdministrativeUnitEntity, UnitsRepository } from '@motcua/persistence';
import type { Page } from '../common/page';
import type { ListUnitsQuery } from './dto/list-units.query';

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListUnitsQuery): Promise<Page<AdministrativeUnitEntity>> {
    const at = query.at ?? (await this.defaultDate(actor));
    const { items, total } = await this.units.list(actor.scope, {
      at,
      level: query.level,
      parentCode: query.parent,
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * Today, unless the caller's own unit is no longer in force (a pre-reform district, say): then the
   * last day it was, so an officer always sees their own units rather than an empty list.
   */
  private async defaultDate(actor: Actor): Promise<string> {
    const today = toLocalDate(this.clock.now());
    const own = await this.units.findOfAgency(actor.agencyId);
    if (own?.validTo && own.validTo <= today) return addLocalDays(own.validTo, -1);
    return today;
  }
}
