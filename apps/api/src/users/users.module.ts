import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';
import { InvitationMailProducer } from './jobs/invitation-mail.producer';
import { UserDirectoryModule } from './user-directory.module';
import { UsersController } from './users.controller';
import { UsersQuery } from './users.query';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  exports: [UserDirectoryModule, InvitationMailProducer],
  imports: [
    AuthModule,
    UserDirectoryModule,
    TypeOrmModule.forFeature([RoleAssignment, User]),
    AuditLogModule,
    NotificationsModule,
    OrganisationModule,
  ],
  providers: [InvitationMailProducer, UsersQuery, UsersService],
})
export class UsersModule {}
