import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string | null;
}

/**
 * An in-process SMTP server for tests. It refuses the first `failFirst` messages with a temporary error,
 * and `hold()` makes it keep later messages — received and recorded — without answering, as if the
 * sender died before hearing "250 OK". `beforeReply` runs after a message is recorded and before "250 OK" goes back
 * (e.g. to cut the sender's database at the moment its mail is delivered).
 */
export const startSmtp = async (options: { failFirst?: number; beforeReply?: (mail: ReceivedMail) => Promise<void> | void } = {}) => {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  let holding = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts++;
        if (attempts <= (options.failFirst ?? 0)) {
          return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null,
          raw,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push(mail);
        if (holding) return;
        if (!options.beforeReply) return callback();
        void Promise.resolve(options.beforeReply(mail)).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    hold: (value: boolean) => (holding = value),
    port,
    received,
    url: `smtp://127.0.0.1:${port}`,
  };
};

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;
