import { Module } from '@nestjs/common';

import { MailModule } from '../../core/mail/mail.module';
import { PasswordResetMailProcessor } from './jobs/password-reset-mail.processor';

/** The worker side of "forgot password": sends the e-mails. */
@Module({ imports: [MailModule], providers: [PasswordResetMailProcessor] })
export class PasswordResetWorkerModule {}
