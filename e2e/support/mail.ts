/** The mail catcher of the e2e run (tools/dev-mail.mjs, started by run-e2e.mjs). */
export const mailUrl = process.env['HELHET_E2E_MAIL_URL'] ?? 'http://127.0.0.1:1080';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Waits for the newest mail to `address` that `accept` likes (the catcher lists newest first). */
export const waitForMail = async (
  address: string,
  accept: (mail: CaughtMail) => boolean = () => true,
  timeout = 30_000,
): Promise<CaughtMail> => {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const messages = (await (await fetch(`${mailUrl}/messages.json`)).json()) as CaughtMail[];
    const found = messages.find((mail) => mail.to?.includes(address) && accept(mail));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${address} within ${timeout} ms`);
};
