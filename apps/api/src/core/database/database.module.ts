import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '../config/app-config.service';
import { TenantSetting } from '../settings/tenant-setting.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { dataSourceOptions } from './data-source-options';

/**
 * The connection. Entities are registered by the module that owns their table (`TypeOrmModule.forFeature`) and
 * loaded from there (`autoLoadEntities`); core registers only its own (tenant, tenant_setting). ADR 0014.
 */
@Module({
  exports: [TypeOrmModule],
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.get('DATABASE_URL')), autoLoadEntities: true, extra: { max: 20 } }),
    }),
    TypeOrmModule.forFeature([Tenant, TenantSetting]),
  ],
})
export class DatabaseModule {}
