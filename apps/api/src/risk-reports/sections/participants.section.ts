import { RISK_ANALYSIS_STATUS_NB } from '@helhet/shared';

import { dateNb, orDash } from '../risk-report-format';
import type { ReportContext } from './report-context';

/** Chapter 2: owner, status and the workshop participants. */
export const drawParticipants = (ctx: ReportContext): void => {
  const { data, w } = ctx;
  const { analysis } = data;
  w.chapter('2 Deltakere');
  w.keyValues([
    ['Eier av analysen', analysis.owner?.name ?? 'Ikke satt'],
    ['Enhet', data.unit.name],
    ['Status', RISK_ANALYSIS_STATUS_NB[analysis.status] ?? analysis.status],
    ['Godkjent', analysis.approvedAt ? dateNb(analysis.approvedAt.slice(0, 10)) : 'Ikke godkjent ennå'],
    [
      'Kommunestyrevedtak',
      analysis.councilDecisionDate
        ? `${dateNb(analysis.councilDecisionDate)}${analysis.councilCaseNumber ? `, sak ${analysis.councilCaseNumber}` : ''}`
        : '–',
    ],
  ]);
  w.heading('2.1 Deltakere i arbeidsmøter');
  if (data.participants && data.participants.length > 0) {
    w.table(
      [
        { header: 'Navn', width: 200 },
        { header: 'Virksomhet', width: w.width - 320 },
        { header: 'Rolle', width: 120 },
      ],
      data.participants.map((participant) => [participant.name, orDash(participant.organisation), orDash(participant.role)]),
    );
  } else {
    w.para('Ingen deltakere fra arbeidsmøter er registrert i Helhet.');
  }
};
