import { Foundation1763900000000 } from './1763900000000-foundation';

/** Every migration, in order. Listed explicitly so bundled builds carry them. */
export const MIGRATIONS = [Foundation1763900000000];
