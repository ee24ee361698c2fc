import type { Scope } from '@motcua/domain';

/**
 * The SQL condition that keeps a query inside a caller's scope: `column` (a unit path) equals the
 * scope's path or lies below it. Returns the condition and its parameters for a query builder.
 */
export function scopeCondition(scope: Scope, column: string): [string, Record<string, string>] {
  if (scope.unitPath === null) return ['TRUE', {}];
  return [
    `(${column} = :scopePath OR ${column} LIKE :scopePrefix)`,
    { scopePath: scope.unitPath, scopePrefix: `${scope.unitPath}.%` },
  ];
}
