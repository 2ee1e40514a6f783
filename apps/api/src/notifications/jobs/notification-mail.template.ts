import type { InboxNotificationKind } from '@helhet/shared';

const LEADS: Record<InboxNotificationKind, string> = {
  category_restriction_pending: 'En endring som gir flere tilgang til en begrenset avvikskategori venter på din godkjenning',
  content_role_granted: 'En bruker har fått en rolle som gir tilgang til avvikssaker',
  incident_assigned: 'Du har fått en ny avvikssak til behandling',
  incident_escalated: 'En avvikssak er ikke fulgt opp innen fristen og er sendt videre til deg',
  incident_filed_critical: 'Det er meldt et kritisk avvik i ditt område',
  incident_filed_high: 'Det er meldt et alvorlig avvik i ditt område',
  incident_forwarded: 'En avvikssak er sendt til din enhet',
  measure_due_soon: 'Fristen for et tiltak du har ansvar for nærmer seg',
  measure_escalated: 'Et tiltak har passert fristen uten å bli utført og er sendt videre til deg',
  measure_overdue: 'Et tiltak du har ansvar for har passert fristen',
  reporter_identity_revealed: 'Personvernombudet har fått innsyn i at du meldte en sak skjult for behandler (begrunnelsen står i saken)',
};

/** The e-mail for an inbox notification: the title (case number and category) and a link, no case content. */
export const notificationMail = (input: { kind: InboxNotificationKind; title: string; link: string; municipality: string }) => {
  const lead = LEADS[input.kind];
  const subject = `${lead}: ${input.title}`;
  const text = `${lead}.\n\n${input.title}\n\nÅpne saken i Helhet: ${input.link}\n\nHilsen Helhet, ${input.municipality}\n`;
  const escape = (value: string) => value.replace(/[&<>"]/g, (c) => ({ '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  const html = `<p>${escape(lead)}.</p><p><strong>${escape(input.title)}</strong></p><p><a href="${escape(input.link)}">Åpne saken i Helhet</a></p><p>Hilsen Helhet, ${escape(input.municipality)}</p>`;
  return { html, subject, text };
};
