import { HttpErrorResponse } from '@angular/common/http';
import type { ScaleSet } from '@helhet/domain';
import type { WorkshopAck, WorkshopDimension, WorkshopProposalKind, WorkshopProposalStatus } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import type { WorkshopConnection } from './workshop-socket.service';

const english = (): boolean => ($localize.locale ?? 'nb').startsWith('en');
const pick = (item: { labelNb: string; labelEn: string }): string => (english() ? item.labelEn : item.labelNb);

export const LIKELIHOOD = 'likelihood';

/** "Sannsynlighet", or the consequence type's name from the scale. */
export const dimensionLabel = (scale: ScaleSet | null | undefined, dimension: WorkshopDimension): string => {
  if (dimension === LIKELIHOOD) return $localize`:@@workshop.likelihood:Sannsynlighet`;
  const type = scale?.consequenceTypes.find((t) => t.code === dimension);
  return type ? pick(type) : dimension;
};

export interface ScaleOption {
  rank: number;
  label: string;
  description: string;
}

/** The levels one votes between for a dimension: label and description from the scale. */
export const dimensionLevels = (scale: ScaleSet | null | undefined, dimension: WorkshopDimension): ScaleOption[] => {
  if (!scale) return [];
  if (dimension === LIKELIHOOD) {
    return scale.likelihoodLevels.map((level) => ({
      description: [english() ? level.descriptionEn : level.descriptionNb, level.probabilityText].filter(Boolean).join(' · '),
      label: pick(level),
      rank: level.rank,
    }));
  }
  const type = scale.consequenceTypes.find((t) => t.code === dimension);
  const levels = type?.levels ?? scale.consequenceLevels.map((level) => ({ ...level, descriptionEn: '', descriptionNb: '' }));
  return levels.map((level) => ({
    description: english() ? level.descriptionEn : level.descriptionNb,
    label: pick(level),
    rank: level.rank,
  }));
};

/** "4 – Høy" for a rank on a dimension. */
export const levelLabel = (scale: ScaleSet | null | undefined, dimension: WorkshopDimension, rank: number | null | undefined): string => {
  if (rank === null || rank === undefined) return '–';
  const level = dimensionLevels(scale, dimension).find((option) => option.rank === rank);
  return level ? `${rank} – ${level.label}` : String(rank);
};

/** Every dimension of a scale: likelihood first, then the consequence types in scale order. */
export const allDimensions = (scale: ScaleSet | null | undefined): WorkshopDimension[] => [
  LIKELIHOOD,
  ...(scale?.consequenceTypes.map((type) => type.code) ?? []),
];

export const PROPOSAL_KIND_LABELS: Record<WorkshopProposalKind, () => string> = {
  cause: () => $localize`:@@workshop.kindCause:Årsak`,
  measure: () => $localize`:@@workshop.kindMeasure:Tiltak`,
  scenario: () => $localize`:@@workshop.kindScenario:Nytt scenario`,
};

export const PROPOSAL_STATUS_LABELS: Record<WorkshopProposalStatus, () => string> = {
  accepted: () => $localize`:@@workshop.statusAccepted:Godtatt`,
  dismissed: () => $localize`:@@workshop.statusDismissed:Avvist`,
  pending: () => $localize`:@@workshop.statusPending:Venter`,
};

export const CONNECTION_LABELS: Record<WorkshopConnection, () => string> = {
  connected: () => $localize`:@@workshop.connected:Tilkoblet`,
  connecting: () => $localize`:@@workshop.connecting:Kobler til …`,
  idle: () => $localize`:@@workshop.idle:Ikke tilkoblet`,
  reconnecting: () => $localize`:@@workshop.reconnecting:Mistet forbindelsen – kobler til igjen …`,
  rejected: () => $localize`:@@workshop.rejected:Frakoblet`,
};

/** A message for a refused command: the API's own error texts where the code is known. */
export const ackErrorMessage = (ack: WorkshopAck): string => {
  if (ack.ok) return '';
  if (ack.error.code === ('WORKSHOP_TIMEOUT' as never) || ack.error.code === ('WORKSHOP_NOT_CONNECTED' as never)) {
    return $localize`:@@workshop.noAnswer:Fikk ikke svar fra Helhet. Sjekk forbindelsen og prøv igjen.`;
  }
  return errorMessage(new HttpErrorResponse({ error: ack.error, status: 400 }));
};

/** Field problems of a refused command, as field → reasons. */
export const ackFieldErrors = (ack: WorkshopAck): Record<string, string[]> =>
  ack.ok ? {} : Object.fromEntries((ack.error.details ?? []).map((detail) => [detail.field, detail.reasons]));

/** Why the server refused the token, in words. */
export const rejectionMessage = (code: string | null): string => {
  if (code && /CLOSED/i.test(code)) return $localize`:@@workshop.rejectedClosed:Workshopen er avsluttet.`;
  if (code && /EXPIRED/i.test(code)) return $localize`:@@workshop.rejectedExpired:Tilgangen din til workshopen er utløpt.`;
  return $localize`:@@workshop.rejectedOther:Tilgangen din til workshopen gjelder ikke lenger. Bli med på nytt med koden.`;
};
