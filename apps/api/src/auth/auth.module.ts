import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { AppConfig } from '../core/config/app-config.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { GrantsService } from './grants.service';
import { CsrfGuard } from './guards/csrf.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { PermissionGuard } from './guards/permission.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { TokensService } from './tokens.service';

/** Authentication for every route (APP_GUARD order: JWT → CSRF → permission). */
@Module({
  controllers: [AuthController],
  exports: [AuthService, GrantsService, TokensService],
  imports: [
    AuditLogModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.get('JWT_SECRET'),
        signOptions: { algorithm: 'HS256', audience: 'helhet', issuer: 'helhet' },
        verifyOptions: { algorithms: ['HS256'], audience: 'helhet', issuer: 'helhet' },
      }),
    }),
  ],
  providers: [
    AuthService,
    GrantsService,
    LoginRateLimiter,
    TokensService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
})
export class AuthModule {}
