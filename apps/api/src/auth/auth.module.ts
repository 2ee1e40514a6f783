import { createSecretKey } from 'node:crypto';

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { AppConfig } from '../core/config/app-config.service';
import { OrgDirectoryModule } from '../organisation/org-directory.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Invitation } from './entities/invitation.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { GrantsService } from './grants.service';
import { CsrfGuard } from './guards/csrf.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { PermissionGuard } from './guards/permission.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordResetMailProducer } from './password-reset/jobs/password-reset-mail.producer';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { PasswordResetToken } from './password-reset/password-reset-token.entity';
import { SessionRevocation } from './session-revocation';
import { TokensService } from './tokens.service';

/** Authentication for every route (APP_GUARD order: JWT → CSRF → permission). */
@Module({
  controllers: [AuthController, PasswordResetController],
  exports: [AccessTokenVerifier, AuthService, GrantsService, SessionRevocation, TokensService],
  imports: [
    OrgDirectoryModule,
    UserDirectoryModule,
    TypeOrmModule.forFeature([Invitation, PasswordResetToken, RefreshToken]),
    AuditLogModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given the string, jsonwebtoken first tries (and fails) to parse it as a public key
        // on every verify, ~1 ms of CPU per request.
        secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'))),
        signOptions: { algorithm: 'HS256', audience: 'helhet', issuer: 'helhet' },
        verifyOptions: { algorithms: ['HS256'], audience: 'helhet', issuer: 'helhet' },
      }),
    }),
  ],
  providers: [
    AccessTokenVerifier,
    AuthService,
    GrantsService,
    LoginRateLimiter,
    PasswordResetMailProducer,
    PasswordResetService,
    SessionRevocation,
    TokensService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
})
export class AuthModule {}
