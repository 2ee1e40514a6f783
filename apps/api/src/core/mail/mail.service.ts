import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { AppConfig } from '../config/app-config.service';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id so a retried send can be recognised downstream. */
  messageId: string;
}

/** SMTP delivery (a mail catcher in development, the municipality's relay in production). */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = createTransport(config.get('SMTP_URL'));
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.config.get('MAIL_FROM'), ...message, messageId: message.messageId });
    this.logger.log({ messageId: message.messageId, msg: 'mail sent' });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
