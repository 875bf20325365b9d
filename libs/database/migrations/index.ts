import { CreateUsers1764403200000 } from './1764403200000-create-users';

/**
 * Every migration, in order. Listed explicitly (never globbed from dist/) so bundles and
 * tests run exactly these.
 */
export const MIGRATIONS = [CreateUsers1764403200000];
