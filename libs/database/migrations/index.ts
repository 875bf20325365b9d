import { CreateUsers1764403200000 } from './1764403200000-create-users';
import { CreateOutboxEvents1764403210000 } from './1764403210000-create-outbox-events';

/**
 * Every migration, in order. Listed explicitly (never globbed from dist/) so bundles and
 * tests run exactly these. Add new ones at the end.
 */
export const MIGRATIONS = [CreateUsers1764403200000, CreateOutboxEvents1764403210000];
