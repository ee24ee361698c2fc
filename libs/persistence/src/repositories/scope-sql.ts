import type { Scope } from '@motcua/domain';

/**
 * The SQL condition that keeps a query inside a caller's scope: `column` (a unit path) equals the
 * scope's path or lies below it. Returns the condition and its parameters for a query builder.
 */
export function scopeCondition(scope: Scope, column: string): [string, Record<string, string>] {
  if (scope.unitPath === null) return ['TRUE', {}];
  return [`(${column} = :scopePath OR ${column} LIKE :scopePrefix)`, { scopePath: scope.unitPath, scopePrefix: `${scope.unitPath}.%` }];
}

/**
 * The same condition for raw SQL with positional parameters: `column` is `path` or lies below it.
 * `bind` adds a parameter and returns its placeholder (`$3`).
 */
export function pathUnder(column: string, path: string, bind: (value: unknown) => string): string {
  return `(${column} = ${bind(path)} OR ${column} LIKE ${bind(`${path}.%`)})`;
}

/** The scope condition on `column` for raw SQL, appending its parameters to `params` (TRUE for national scope). */
export function inScope(scope: Scope, column: string, params: unknown[]): string {
  return scope.unitPath === null ? 'TRUE' : pathUnder(column, scope.unitPath, (value) => `$${params.push(value)}`);
}
