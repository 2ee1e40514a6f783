import type { Locale } from '@helhet/shared';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/** The invitation e-mail in the user's language (bokmål unless English). */
export const invitationMail = (input: { name: string; municipality: string; link: string; expiresAt: Date; locale: Locale }) => {
  const expires = input.expiresAt.toLocaleDateString(input.locale === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'long',
    timeZone: 'Europe/Oslo',
  });
  const lines =
    input.locale === 'en'
      ? {
          body: `You have been given access to Helhet, ${input.municipality}'s system for internal control and risk management.`,
          cta: 'Choose your password',
          expiry: `The link can be used once and expires on ${expires}.`,
          greeting: `Hello ${input.name},`,
          subject: `Your invitation to Helhet – ${input.municipality}`,
        }
      : {
          body: `Du har fått tilgang til Helhet, ${input.municipality} sitt system for internkontroll og risikostyring.`,
          cta: 'Velg passord',
          expiry: `Lenken kan brukes én gang og utløper ${expires}.`,
          greeting: `Hei ${input.name},`,
          subject: `Invitasjon til Helhet – ${input.municipality}`,
        };
  return {
    html: `<p>${escapeHtml(lines.greeting)}</p><p>${escapeHtml(lines.body)}</p><p><a href="${escapeHtml(input.link)}">${escapeHtml(lines.cta)}</a></p><p>${escapeHtml(lines.expiry)}</p>`,
    subject: lines.subject,
    text: `${lines.greeting}\n\n${lines.body}\n\n${lines.cta}: ${input.link}\n\n${lines.expiry}\n`,
  };
};
