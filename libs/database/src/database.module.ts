import { AppConfig } from '@lifelong/common';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { detectFlavor } from './migrate';
import { OutboxEventEntity } from './outbox/outbox-event.entity';

/** The shared DataSource; each domain module registers its entities with TypeOrmModule.forFeature. */
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
    TypeOrmModule.forFeature([OutboxEventEntity]),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
