import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../../audit-log/audit-log.module';
import { AuthModule } from '../auth.module';
import { OidcController } from './oidc.controller';
import { OidcClient } from './oidc-client';
import { OidcSignInService } from './oidc-sign-in.service';
import { SsoSettingsService } from './sso-settings.service';
import { TenantSsoSettings } from './tenant-sso-settings.entity';

/** Single sign-on with OpenID Connect (ADR 0016); ends in `AuthService.signIn(user)` like a password sign-in. */
@Module({
  controllers: [OidcController],
  imports: [AuditLogModule, AuthModule, TypeOrmModule.forFeature([TenantSsoSettings])],
  providers: [OidcClient, OidcSignInService, SsoSettingsService],
})
export class OidcModule {}
