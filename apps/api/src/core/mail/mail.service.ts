import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';

import { AppConfig } from '../config/app-config.service';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id so a retried send can be recognised downstream. */
  messageId: string;
}

/** Messages sent over one pooled SMTP connection before it is replaced (nodemailer's default). */
const MESSAGES_PER_CONNECTION = 100;

/**
 * SMTP delivery (a mail catcher in development, the municipality's relay in production) over a pool of
 * persistent connections: one per concurrent worker job (WORKER_CONCURRENCY), each reused for up to
 * MESSAGES_PER_CONNECTION messages, instead of a TCP connection and SMTP greeting per e-mail (issue 16: ≈ 32
 * mails/s unpooled). The pool is built from SMTP_URL (host, port, smtps, credentials and query options) and
 * closed on shutdown.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private closed = false;

  constructor(private readonly config: AppConfig) {
    this.transport = createTransport(
      new SMTPPool({
        maxConnections: Math.max(1, config.get('WORKER_CONCURRENCY')),
        pool: true,
        maxMessages: MESSAGES_PER_CONNECTION,
        url: config.get('SMTP_URL'),
      }),
    );
  }

  async send(message: MailMessage): Promise<void> {
    // A closed pool drops new messages without ever calling back, which would hang the job and the worker's
    // shutdown (jobs can still start while the process closes). Fail as "not sent" instead, so it is retried.
    if (this.closed) throw Object.assign(new Error('mail transport closed (shutting down)'), { code: 'ECONNECTION', command: 'CONN' });
    await this.transport.sendMail({ from: this.config.get('MAIL_FROM'), ...message, messageId: message.messageId });
    this.logger.log({ messageId: message.messageId, msg: 'mail sent' });
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.transport.close();
  }
}
