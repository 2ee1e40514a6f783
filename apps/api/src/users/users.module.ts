import { Module } from '@nestjs/common';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { InvitationMailProducer } from './jobs/invitation-mail.producer';
import { UsersController } from './users.controller';
import { UsersQuery } from './users.query';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  exports: [InvitationMailProducer],
  imports: [AuditLogModule, OrganisationModule],
  providers: [InvitationMailProducer, UsersQuery, UsersService],
})
export class UsersModule {}
