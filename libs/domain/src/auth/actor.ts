import type { Role } from './role';
import type { Scope } from './scope';

/** The authenticated caller, as every service and repository sees them. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly agencyId: string;
  readonly agencyCode: string;
  readonly scope: Scope;
}
