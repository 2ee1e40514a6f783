import type { AppConfig } from '../config/app-config.service';
import { MailService } from './mail.service';

const config = {
  get: (key: string) => ({ MAIL_FROM: 'helhet@example.org', SMTP_URL: 'smtp://127.0.0.1:2', WORKER_CONCURRENCY: 5 })[key],
} as unknown as AppConfig;

describe('MailService', () => {
  it('refuses a send after shutdown as provably not sent, instead of hanging on the closed pool', async () => {
    const mail = new MailService(config);
    mail.onApplicationShutdown();
    const sending = mail.send({ html: '<p>Hei</p>', messageId: '<m@helhet>', subject: 'Varsel', text: 'Hei', to: 'a@example.org' });
    const error = await sending.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(Error);
    // The shape the delivery processor reads as "not sent" (failed at connection time): retried, not `uncertain`.
    expect(error).toMatchObject({ code: 'ECONNECTION', command: 'CONN' });
  });
});
