import { Module } from '@nestjs/common';

import { MailModule } from '../core/mail/mail.module';
import { InvitationMailProcessor } from './jobs/invitation-mail.processor';

/** The worker side of users: sends invitation e-mails. */
@Module({ imports: [MailModule], providers: [InvitationMailProcessor] })
export class UsersWorkerModule {}
