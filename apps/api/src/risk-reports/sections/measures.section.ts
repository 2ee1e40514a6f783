import { MEASURE_STATUS_NB } from '@helhet/shared';

import { dateNb } from '../risk-report-format';
import { labelOf } from '../risk-report-format';
import type { ReportContext } from './report-context';

/** Chapter 6: measures and the follow-up plan. */
export const drawMeasures = (ctx: ReportContext): void => {
  const { assessed, data, w } = ctx;
  const { analysis } = data;
  w.chapter('6 Tiltak og oppfølgingsplan');
  const numberOf = new Map(assessed.map((entry) => [entry.scenario.id, entry.number]));
  if (!data.measures || data.measures.length === 0) {
    w.para('Ingen tiltak registrert.');
  } else {
    w.table(
      [
        { header: 'Tiltak', width: w.width - 280 },
        { header: 'Scenario', width: 50 },
        { header: 'Ansvarlig', width: 110 },
        { header: 'Frist', width: 60 },
        { header: 'Status', width: 60 },
      ],
      data.measures.map((measure) => [
        measure.title,
        String(numberOf.get(measure.scenarioId) ?? '–'),
        measure.ownerName ?? 'Ikke satt',
        dateNb(measure.deadline),
        labelOf(MEASURE_STATUS_NB, measure.status),
      ]),
    );
  }
  w.heading('6.1 Oppfølging');
  w.para(
    `Analysen skal oppdateres i takt med revisjon av kommunens planer og ved endringer i risiko- og sårbarhetsbildet. Neste revisjon: ${dateNb(analysis.nextRevisionAt)}.`,
  );
};
