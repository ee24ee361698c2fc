import { Injectable } from '@nestjs/common';
import { DomainError } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { AgenciesRepository, AgencyEntity, AgencyPatch, SigningKeysRepository, UnitsRepository } from '@motcua/persistence';
import { CertificateSummary, checkValidity, describeSigningKey, SigningKey, SigningKeyError } from '@motcua/signing';
import type { Page } from '../common/page';
import type { CreateAgencyDto, ListAgenciesQuery, UpdateAgencyDto } from './dto/agency.dto';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly units: UnitsRepository,
    private readonly signingKeys: SigningKeysRepository,
  ) {}

  async list(actor: Actor, query: ListAgenciesQuery): Promise<Page<AgencyEntity>> {
    const { items, total } = await this.agencies.list(actor.scope, query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, code: string): Promise<AgencyEntity> {
    const agency = await this.agencies.findByCode(actor.scope, code);
    if (!agency) throw DomainError.notFound('Agency', code);
    return agency;
  }

  async create(actor: Actor, dto: CreateAgencyDto): Promise<AgencyEntity> {
    const unit = await this.units.findById(actor.scope, dto.unitId);
    if (!unit) throw DomainError.field('unitId', 'no such administrative unit in your scope');
    const parentId = await this.parentId(actor, dto.parentCode);
    return this.agencies.create({ code: dto.code, name: dto.name, kind: dto.kind, unitId: unit.id, parentId });
  }

  async update(actor: Actor, code: string, dto: UpdateAgencyDto): Promise<AgencyEntity> {
    const agency = await this.get(actor, code);
    const patch: AgencyPatch = { name: dto.name, kind: dto.kind, active: dto.active };
    if (dto.parentCode !== undefined) {
      patch.parentId = await this.parentId(actor, dto.parentCode);
      if (patch.parentId === agency.id) throw DomainError.field('parentCode', 'an agency cannot be its own parent');
    }
    return this.agencies.update(agency.id, patch);
  }

  /** The certificate the agency signs its electronic results with. */
  async signingKey(actor: Actor, code: string): Promise<{ certificate: CertificateSummary; installedAt: Date }> {
    const agency = await this.get(actor, code);
    const key = await this.signingKeys.forAgency(agency.id);
    if (!key) throw DomainError.notFound('Signing key of agency', code);
    return { certificate: describeSigningKey(key), installedAt: key.installedAt };
  }

  /** Installs (or replaces) the agency's key once it opens with its passphrase and its certificate is valid now. */
  async installSigningKey(actor: Actor, code: string, key: SigningKey, now: Date): Promise<{ certificate: CertificateSummary; installedAt: Date }> {
    const agency = await this.get(actor, code);
    let certificate: CertificateSummary;
    try {
      certificate = describeSigningKey(key);
      checkValidity(certificate, now);
    } catch (error) {
      if (error instanceof SigningKeyError) throw DomainError.field(error.field, error.message);
      throw error;
    }
    return { certificate, installedAt: await this.signingKeys.install(agency.id, key) };
  }

  private async parentId(actor: Actor, parentCode: string | null | undefined): Promise<string | null> {
    if (!parentCode) return null;
    const parent = await this.agencies.findByCode(actor.scope, parentCode);
    if (!parent) throw DomainError.field('parentCode', 'no such agency in your scope');
    return parent.id;
  }
}
