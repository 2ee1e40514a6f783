import type { Role } from '@helhet/shared';

/** The one password of every demo login (development, tests and demos only; never in production). */
export const DEMO_PASSWORD = 'Helhet-demo-2026!';

export const DEMO_EMAIL_DOMAIN = 'fjordvik.kommune.no';

export type DemoLoginKey =
  | 'admin'
  | 'executive'
  | 'sectorLeaderHealth'
  | 'sectorLeaderEducation'
  | 'nursingHomeLeader'
  | 'hmsAdvisor'
  | 'qualityCoordinator'
  | 'safetyRep'
  | 'dpo'
  | 'employee';

export interface DemoLogin {
  key: DemoLoginKey;
  role: Role;
  email: string;
  name: string;
  description: string;
}

/**
 * Fixed accounts that every generated municipality contains, whatever its size and seed. Only these
 * get a password; everyone else has none and would be invited.
 */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    description: 'Systemadministrator: brukere, roller og organisasjon (ser ikke saksinnhold)',
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    key: 'admin',
    name: 'Lars Ødegård',
    role: 'tenant_admin',
  },
  {
    description: 'Kommunedirektør: leder av Fjordvik kommune, ser hele kommunen',
    email: `kommunedirektor@${DEMO_EMAIL_DOMAIN}`,
    key: 'executive',
    name: 'Ingrid Haugland',
    role: 'executive',
  },
  {
    description: 'Kommunalsjef for Helse og omsorg',
    email: `kommunalsjef.helse@${DEMO_EMAIL_DOMAIN}`,
    key: 'sectorLeaderHealth',
    name: 'Bjørn Solheim',
    role: 'sector_leader',
  },
  {
    description: 'Kommunalsjef for Oppvekst',
    email: `kommunalsjef.oppvekst@${DEMO_EMAIL_DOMAIN}`,
    key: 'sectorLeaderEducation',
    name: 'Sigrid Nygård',
    role: 'sector_leader',
  },
  {
    description: 'Enhetsleder for Liavegen sykehjem',
    email: `enhetsleder.sykehjem@${DEMO_EMAIL_DOMAIN}`,
    key: 'nursingHomeLeader',
    name: 'Åse Lunde',
    role: 'unit_leader',
  },
  {
    description: 'HMS-rådgiver for hele kommunen',
    email: `hms@${DEMO_EMAIL_DOMAIN}`,
    key: 'hmsAdvisor',
    name: 'Øystein Berg',
    role: 'hms_advisor',
  },
  {
    description: 'Kvalitets- og internkontrollkoordinator for hele kommunen',
    email: `kvalitet@${DEMO_EMAIL_DOMAIN}`,
    key: 'qualityCoordinator',
    name: 'Marit Sæther',
    role: 'quality_coordinator',
  },
  {
    description: 'Verneombud ved Liavegen sykehjem (også ansatt der)',
    email: `verneombud@${DEMO_EMAIL_DOMAIN}`,
    key: 'safetyRep',
    name: 'Tormod Myhre',
    role: 'safety_rep',
  },
  {
    description: 'Personvernombud: informasjonssikkerhetsavvik i hele kommunen og innsyn i skjult melder (logges)',
    email: `personvernombud@${DEMO_EMAIL_DOMAIN}`,
    key: 'dpo',
    name: 'Henrik Aasen',
    role: 'dpo',
  },
  {
    description: 'Ansatt (helsefagarbeider) ved Liavegen sykehjem',
    email: `ansatt@${DEMO_EMAIL_DOMAIN}`,
    key: 'employee',
    name: 'Sofie Hansen',
    role: 'employee',
  },
];

export const demoLogin = (key: DemoLoginKey): DemoLogin => {
  const login = DEMO_LOGINS.find((candidate) => candidate.key === key);
  if (!login) throw new Error(`No demo login ${key}`);
  return login;
};
