import { CreateFoundation1763900000000 } from './migrations/1763900000000-CreateFoundation';

/** Every migration in order. Listed explicitly so the webpack bundle and the CLI see the same set. */
export const MIGRATIONS = [CreateFoundation1763900000000];
