import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { AppConfig } from '../core/config/app-config.service';
import { OrgDirectoryModule } from '../organisation/org-directory.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Invitation } from './entities/invitation.entity';
import { RefreshToken } from './entities/refresh-token.entity';
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
    OrgDirectoryModule,
    UserDirectoryModule,
    TypeOrmModule.forFeature([Invitation, RefreshToken]),
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
