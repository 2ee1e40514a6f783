import { setTimeout as pause } from 'node:timers/promises';

import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { AppConfig } from '../../core/config/app-config.service';
import type { EntityRow } from '../../core/database/entity-row';
import { MailService } from '../../core/mail/mail.service';
import { JobName, QueueName } from '../../core/queue/queue-names';
import { workerOptions } from '../../core/queue/worker-options';
import { UserDirectory } from '../../users/user-directory';
import type { Notification } from '../entities/notification.entity';
import type { NotificationDeliveryJobData } from './notification-delivery.producer';
import { notificationMail } from './notification-mail.template';

/** SMTP stages before the message content is handed over: a failure there proves nothing was sent. */
const BEFORE_DATA = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH.*|MAIL FROM|RCPT TO)$/;
const NOT_SENT_CODES = new Set(['ECONNECTION', 'EDNS', 'EAUTH', 'EENVELOPE', 'ETLS', 'ECONNREFUSED']);

/** True when the error proves the message was not accepted (safe to try again); false when it may have been. */
export const provablyNotSent = (error: unknown): boolean => {
  const { code, command, responseCode } = (error ?? {}) as { code?: string; command?: string; responseCode?: number };
  if (typeof responseCode === 'number' && responseCode >= 400) return true; // the server refused it
  if (command !== undefined) return BEFORE_DATA.test(command);
  return code !== undefined && NOT_SENT_CODES.has(code);
};

export type DeliveryOutcome = 'sent' | 'skipped' | 'uncertain';

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export interface RetryOptions {
  /** Give up (rethrow the last error) once this much time has passed since the first attempt; default 30 s. */
  budgetMs?: number;
  /** First pause; doubled after each failure up to `maxDelayMs`. Defaults 250 ms and 5 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `operation` until it succeeds or the time budget is spent, with doubling pauses in between. */
export const retryWithBackoff = async <T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> => {
  const { budgetMs = 30_000, initialDelayMs = 250, maxDelayMs = 5_000, onRetry, sleep = pause } = options;
  const deadline = Date.now() + budgetMs;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const wait = Math.min(delay, deadline - Date.now());
      if (wait <= 0) throw error;
      onRetry?.(error, attempt);
      await sleep(wait);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
};

/**
 * Delivers one notification e-mail, at most once. The ledger row goes `pending → sending` in a committed
 * transaction before the mail leaves and `sending → sent` after. If the worker dies in between, the
 * retry finds `sending`, cannot know whether the mail went out, and marks the delivery `uncertain` for
 * administrators rather than sending it twice. Errors that prove nothing was sent are retried with
 * backoff; after the last attempt the delivery is `failed` (also shown to administrators). The `sent` update itself
 * is retried for up to 30 s (a database outage at that moment would otherwise turn a delivered mail `uncertain`).
 */
@Processor(QueueName.notifications, workerOptions())
export class NotificationDeliveryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly users: UserDirectory,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY');
  }

  async process(job: Job<NotificationDeliveryJobData>): Promise<DeliveryOutcome> {
    if (job.name !== JobName.deliverNotification) throw new Error(`Unknown job ${job.name} on ${QueueName.notifications}`);
    const { deliveryId, tenantId } = job.data;
    const claimed = await this.claim(deliveryId, tenantId);
    if (claimed !== 'claimed') return claimed;

    const [row] = (await this.dataSource.query(
      `SELECT n.id AS notification_id, n.kind, n.title, n.incident_id, n.risk_analysis_id, n.subject_user_id, n.user_id, t.name AS municipality
         FROM notification_delivery d JOIN notification n ON n.id = d.notification_id JOIN tenant t ON t.id = d.tenant_id
        WHERE d.id = $1`,
      [deliveryId],
    )) as (EntityRow<Notification, 'incidentId' | 'kind' | 'riskAnalysisId' | 'subjectUserId' | 'title' | 'userId'> & {
      notification_id: string;
      municipality: string;
    })[];
    const recipient = row ? await this.users.contact(row.user_id) : null;
    if (!row || !recipient) return 'skipped';
    const base = this.config.get('PUBLIC_URL').replace(/\/$/, '');
    const locale = recipient.locale === 'en' ? 'en' : 'nb';
    const link = row.incident_id
      ? `${base}/${locale}/incidents/${row.incident_id}`
      : row.risk_analysis_id
        ? `${base}/${locale}/risk/analyses/${row.risk_analysis_id}`
        : row.subject_user_id
          ? `${base}/${locale}/admin/users/${row.subject_user_id}`
          : row.kind === 'category_restriction_pending'
            ? `${base}/${locale}/admin/restriction-approvals`
            : `${base}/${locale}/`;
    try {
      await this.mail.send({
        ...notificationMail({ kind: row.kind, link, municipality: row.municipality, title: row.title }),
        messageId: `<notification-${row.notification_id}@helhet>`,
        to: recipient.email,
      });
    } catch (error) {
      const message = errorMessage(error);
      if (!provablyNotSent(error)) {
        await this.setStatus(deliveryId, 'uncertain', message);
        this.logger.warn({ deliveryId, msg: 'delivery outcome unknown; not retried' });
        return 'uncertain';
      }
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.setStatus(deliveryId, lastAttempt ? 'failed' : 'pending', message);
      throw error;
    }
    // The mail is out: recording it must outlast a short database outage. Giving up here would leave the row
    // `sending`, and the job's retry would then mark a delivered mail `uncertain` (issue 16).
    await retryWithBackoff(
      () =>
        this.dataSource.query(
          `UPDATE notification_delivery SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now() WHERE id = $1`,
          [deliveryId],
        ),
      {
        onRetry: (error, attempt) =>
          this.logger.warn({ attempt, deliveryId, err: errorMessage(error), msg: 'recording a sent mail failed; retrying' }),
      },
    );
    return 'sent';
  }

  /** pending → sending (committed). Anything else means this delivery must not be sent now. */
  private async claim(deliveryId: string, tenantId: string): Promise<'claimed' | 'skipped' | 'uncertain'> {
    return this.dataSource.transaction(async (manager) => {
      const [delivery] = (await manager.query(`SELECT status FROM notification_delivery WHERE id = $1 AND tenant_id = $2 FOR UPDATE`, [
        deliveryId,
        tenantId,
      ])) as { status: string }[];
      if (!delivery) return 'skipped';
      if (delivery.status === 'sending') {
        await manager.query(
          `UPDATE notification_delivery SET status = 'uncertain', last_error = 'worker stopped while sending', updated_at = now() WHERE id = $1`,
          [deliveryId],
        );
        this.logger.warn({ deliveryId, msg: 'found a delivery left in sending; marked uncertain' });
        return 'uncertain';
      }
      if (delivery.status !== 'pending') return 'skipped';
      await manager.query(
        `UPDATE notification_delivery SET status = 'sending', attempts = attempts + 1, updated_at = now() WHERE id = $1`,
        [deliveryId],
      );
      return 'claimed';
    });
  }

  private async setStatus(deliveryId: string, status: 'pending' | 'failed' | 'uncertain', lastError: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification_delivery SET status = $2, last_error = $3, updated_at = now() WHERE id = $1`, [
      deliveryId,
      status,
      lastError,
    ]);
  }
}
