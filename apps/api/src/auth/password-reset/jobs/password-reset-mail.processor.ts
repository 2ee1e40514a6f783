import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { type DataSource, IsNull } from 'typeorm';

import { AppConfig } from '../../../core/config/app-config.service';
import { MailService } from '../../../core/mail/mail.service';
import { JobName, QueueName } from '../../../core/queue/queue-names';
import { Tenant } from '../../../core/tenancy/tenant.entity';
import { User } from '../../../users/entities/user.entity';
import { randomToken, sha256 } from '../../tokens.service';
import { PasswordResetToken } from '../password-reset-token.entity';
import type { PasswordResetMailJobData } from './password-reset-mail.job-data';
import { passwordResetMail } from './password-reset-mail.template';

/**
 * Sends the "forgot password" e-mail. The token is minted here (only its hash is stored) and the row is stamped
 * `sent_at`, so a completed job never sends again. A crash between send and stamp can yield a second e-mail on
 * retry, whose link supersedes the first (the first token's hash is overwritten).
 */
@Processor(QueueName.passwordResetMail)
export class PasswordResetMailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PasswordResetMailProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY');
  }

  async process(job: Job<PasswordResetMailJobData>): Promise<'sent' | 'skipped'> {
    if (job.name !== JobName.passwordResetMail) throw new Error(`Unknown job ${job.name} on ${QueueName.passwordResetMail}`);
    const { resetId, tenantId } = job.data;
    const reset = await this.dataSource.getRepository(PasswordResetToken).findOne({ where: { id: resetId, tenantId } });
    if (!reset || reset.sentAt || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) {
      this.logger.log({ msg: 'password reset mail skipped (gone, sent, used or expired)', resetId });
      return 'skipped';
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { active: true, id: reset.userId, tenantId } });
    if (!user) return 'skipped';
    const tenant = await this.dataSource.getRepository(Tenant).findOneOrFail({ where: { id: tenantId } });
    const token = randomToken();
    await this.dataSource.getRepository(PasswordResetToken).update({ id: resetId, sentAt: IsNull() }, { tokenHash: sha256(token) });
    const locale = user.locale === 'en' ? 'en' : 'nb';
    const link = `${this.config.get('PUBLIC_URL').replace(/\/$/, '')}/${locale}/password-reset/confirm?token=${token}`;
    await this.mail.send({
      ...passwordResetMail({ expiresAt: reset.expiresAt, link, locale: user.locale, municipality: tenant.name, name: user.name }),
      messageId: `<password-reset-${resetId}-${job.attemptsMade}@helhet>`,
      to: user.email,
    });
    await this.dataSource.getRepository(PasswordResetToken).update({ id: resetId }, { sentAt: new Date() });
    return 'sent';
  }
}
