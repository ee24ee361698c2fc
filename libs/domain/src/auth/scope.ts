import { Role } from './role';

/**
 * What a caller may see: the subtree of administrative units under their agency's unit.
 * Every query over scoped data takes a Scope as a required argument, so a controller bug
 * can't widen it. `unitPath` is the materialised path of unit codes ('56', '56.568',
 * '56.568.22330'); null means national scope.
 */
export interface Scope {
  readonly unitPath: string | null;
}

/** For system work (seeds, the worker): everything. Never derived from a request. */
export const NATIONAL_SCOPE: Scope = { unitPath: null };

/** A user's scope: their agency's subtree; national for the system administrator. */
export function scopeOf(role: Role, agencyUnitPath: string): Scope {
  return role === Role.SYSTEM_ADMIN ? NATIONAL_SCOPE : { unitPath: agencyUnitPath };
}

/** True when a unit path lies inside the scope (the scope's own unit included). */
export function isInScope(scope: Scope, unitPath: string): boolean {
  return scope.unitPath === null || unitPath === scope.unitPath || unitPath.startsWith(`${scope.unitPath}.`);
}
