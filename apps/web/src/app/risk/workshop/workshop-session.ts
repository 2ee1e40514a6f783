import type { WorkshopRole, WorkshopTicket } from '@helhet/shared';

/** What a page needs to get back into a workshop after a reload: kept in sessionStorage (this tab only). */
export interface WorkshopSession {
  workshopId: string;
  analysisId: string;
  code: string;
  role: WorkshopRole;
  participantId: string;
  token: string;
}

const PREFIX = 'helhet.workshop.';
const PARTICIPANT_KEY = `${PREFIX}participant`;
const facilitatorKey = (analysisId: string) => `${PREFIX}facilitator.${analysisId}`;
const sessionKey = (workshopId: string) => `${PREFIX}session.${workshopId}`;

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage disabled: the session lasts until the page is left
  }
};

export const sessionFromTicket = (ticket: WorkshopTicket): WorkshopSession => ({
  analysisId: ticket.workshop.analysis.id,
  code: ticket.workshop.code,
  participantId: ticket.participantId,
  role: ticket.role,
  token: ticket.token,
  workshopId: ticket.workshop.id,
});

const read = (key: string): WorkshopSession | null => {
  const workshopId = storage()?.getItem(key);
  if (!workshopId) return null;
  try {
    const value = JSON.parse(storage()?.getItem(sessionKey(workshopId)) ?? 'null') as WorkshopSession | null;
    return value && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
};

/** Remembers the token per workshop, and which workshop this tab takes part in (as participant, or facilitating an analysis). */
export const saveSession = (session: WorkshopSession): void => {
  const store = storage();
  if (!store) return;
  store.setItem(sessionKey(session.workshopId), JSON.stringify(session));
  store.setItem(session.role === 'facilitator' ? facilitatorKey(session.analysisId) : PARTICIPANT_KEY, session.workshopId);
};

export const participantSession = (): WorkshopSession | null => read(PARTICIPANT_KEY);
export const facilitatorSession = (analysisId: string): WorkshopSession | null => read(facilitatorKey(analysisId));

export const forgetSession = (session: WorkshopSession): void => {
  const store = storage();
  if (!store) return;
  store.removeItem(sessionKey(session.workshopId));
  const key = session.role === 'facilitator' ? facilitatorKey(session.analysisId) : PARTICIPANT_KEY;
  if (store.getItem(key) === session.workshopId) store.removeItem(key);
};
