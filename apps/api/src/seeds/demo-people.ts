import type { SeededRandom } from '@helhet/domain';
import type { Locale } from '@helhet/shared';

import { DEMO_EMAIL_DOMAIN } from './demo-logins.constants';
import { FIRST_NAMES, LAST_NAMES } from './norwegian-names.constants';

/** The ASCII e-mail form of a name part: æ→ae, ø→o, å→aa, accents dropped, spaces → dots. */
export const emailSlug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9.-]/g, '');

export interface DemoPerson {
  name: string;
  email: string;
  locale: Locale;
}

/** Random Norwegian people with unique `firstname.lastname[N]@fjordvik.kommune.no` addresses. */
export class PersonFactory {
  private readonly taken = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    reservedEmails: readonly string[],
  ) {
    for (const email of reservedEmails) this.taken.add(email);
  }

  next(): DemoPerson {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const roll = this.random.next();
    const locale: Locale = roll < 0.08 ? 'nn' : roll < 0.1 ? 'en' : 'nb';
    return { email: this.uniqueEmail(`${emailSlug(first)}.${emailSlug(last)}`), locale, name: `${first} ${last}` };
  }

  private uniqueEmail(local: string): string {
    let suffix = this.nextSuffix.get(local) ?? 1;
    let email = suffix === 1 ? `${local}@${DEMO_EMAIL_DOMAIN}` : `${local}${suffix}@${DEMO_EMAIL_DOMAIN}`;
    while (this.taken.has(email)) {
      suffix++;
      email = `${local}${suffix}@${DEMO_EMAIL_DOMAIN}`;
    }
    this.nextSuffix.set(local, suffix + 1);
    this.taken.add(email);
    return email;
  }
}
