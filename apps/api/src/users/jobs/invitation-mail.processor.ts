import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { type DataSource, IsNull } from 'typeorm';

import { Invitation } from '../../auth/entities/invitation.entity';
import { randomToken, sha256 } from '../../auth/tokens.service';
import { AppConfig } from '../../core/config/app-config.service';
import { MailService } from '../../core/mail/mail.service';
import { JobName, QueueName } from '../../core/queue/queue-names';
import { Tenant } from '../../core/tenancy/tenant.entity';
import { User } from '../entities/user.entity';
import type { InvitationMailJobData } from './invitation-mail.job-data';
import { invitationMail } from './invitation-mail.template';

/**
 * Sends the invitation e-mail. The token is minted here (only its hash is stored) and the invitation
 * is stamped `sent_at`, so a completed job never sends again. A crash between send and stamp can
 * yield a second e-mail on retry, whose link supersedes the first.
 */
@Processor(QueueName.mail)
export class InvitationMailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(InvitationMailProcessor.name);

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

  async process(job: Job<InvitationMailJobData>): Promise<'sent' | 'skipped'> {
    if (job.name !== JobName.invitationMail) throw new Error(`Unknown job ${job.name} on ${QueueName.mail}`);
    const { invitationId, tenantId } = job.data;
    const invitation = await this.dataSource.getRepository(Invitation).findOne({ where: { id: invitationId, tenantId } });
    if (!invitation || invitation.sentAt || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
      this.logger.log({ invitationId, msg: 'invitation mail skipped (gone, sent, accepted or expired)' });
      return 'skipped';
    }
    const user = await this.dataSource.getRepository(User).findOneOrFail({ where: { id: invitation.userId, tenantId } });
    const tenant = await this.dataSource.getRepository(Tenant).findOneOrFail({ where: { id: tenantId } });
    const token = randomToken();
    await this.dataSource.getRepository(Invitation).update({ id: invitationId, sentAt: IsNull() }, { tokenHash: sha256(token) });
    const link = `${this.config.get('PUBLIC_URL').replace(/\/$/, '')}/${user.locale === 'en' ? 'en' : 'nb'}/invitation?token=${token}`;
    await this.mail.send({
      ...invitationMail({ expiresAt: invitation.expiresAt, link, locale: user.locale, municipality: tenant.name, name: user.name }),
      messageId: `<invitation-${invitationId}-${job.attemptsMade}@helhet>`,
      to: user.email,
    });
    await this.dataSource.getRepository(Invitation).update({ id: invitationId }, { sentAt: new Date() });
    return 'sent';
  }
}
