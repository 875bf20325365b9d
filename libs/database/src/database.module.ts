import { AppConfig } from '@lifelong/common';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { ExportConnections } from './exports/export-connections';
import { detectFlavor } from './migrate';
import { OutboxEventArchiveEntity } from './outbox/outbox-event-archive.entity';
import { OutboxEventEntity } from './outbox/outbox-event.entity';

/**
 * The shared DataSource (each domain module registers its entities with TypeOrmModule.forFeature)
 * and the separate pool of streamed exports, for every module.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        ...dataSourceOptions(config, { flavor: await detectFlavor(config) }),
        autoLoadEntities: true,
        // Start-up reports an unreachable database itself, with the address; no silent retry loop.
        retryAttempts: 0,
      }),
    }),
    TypeOrmModule.forFeature([OutboxEventEntity, OutboxEventArchiveEntity]),
  ],
  providers: [ExportConnections],
  exports: [TypeOrmModule, ExportConnections],
})
export class DatabaseModule {}
