import type { Locale } from '@helhet/shared';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/** The "forgot password" e-mail in the user's language (bokmål unless English). */
export const passwordResetMail = (input: { name: string; municipality: string; link: string; expiresAt: Date; locale: Locale }) => {
  const expires = input.expiresAt.toLocaleTimeString(input.locale === 'en' ? 'en-GB' : 'nb-NO', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  });
  const lines =
    input.locale === 'en'
      ? {
          body: `Someone (hopefully you) asked to choose a new password for Helhet – ${input.municipality}.`,
          cta: 'Choose a new password',
          expiry: `The link can be used once and expires at ${expires}. Choosing a new password signs you out everywhere.`,
          greeting: `Hello ${input.name},`,
          ignore: 'If you did not ask for this, you can ignore this e-mail; your password stays as it is.',
          subject: `New password for Helhet – ${input.municipality}`,
        }
      : {
          body: `Noen (forhåpentligvis du) har bedt om å velge nytt passord i Helhet – ${input.municipality}.`,
          cta: 'Velg nytt passord',
          expiry: `Lenken kan brukes én gang og utløper kl. ${expires}. Når du velger nytt passord, blir du logget ut overalt.`,
          greeting: `Hei ${input.name},`,
          ignore: 'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er da uendret.',
          subject: `Nytt passord i Helhet – ${input.municipality}`,
        };
  return {
    html: `<p>${escapeHtml(lines.greeting)}</p><p>${escapeHtml(lines.body)}</p><p><a href="${escapeHtml(input.link)}">${escapeHtml(lines.cta)}</a></p><p>${escapeHtml(lines.expiry)}</p><p>${escapeHtml(lines.ignore)}</p>`,
    subject: lines.subject,
    text: `${lines.greeting}\n\n${lines.body}\n\n${lines.cta}: ${input.link}\n\n${lines.expiry}\n\n${lines.ignore}\n`,
  };
};
