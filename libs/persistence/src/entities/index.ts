import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { AgencyEntity } from './agency.entity';
import { UnitSuccessionEntity } from './unit-succession.entity';
import { UserEntity } from './user.entity';

export { AdministrativeUnitEntity, AgencyEntity, UnitSuccessionEntity, UserEntity };
export const ENTITIES = [AdministrativeUnitEntity, UnitSuccessionEntity, AgencyEntity, UserEntity];
