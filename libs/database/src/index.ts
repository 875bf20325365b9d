export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './readiness';
export * from './testing';
export * from './outbox/outbox-event.entity';
export * from './outbox/record-event';
