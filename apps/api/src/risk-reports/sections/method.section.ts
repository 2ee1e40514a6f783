import { dateNb, GREY } from '../risk-report-format';
import type { ReportContext } from './report-context';

/** The DSB steps the method chapter names (DSB, Veileder til helhetlig ROS i kommunen). */
const METHOD_STEPS = [
  'Planlegging og mandat: avgrensning, organisering og medvirkning.',
  'Identifisering av uønskede hendelser (fare og trussel) med årsaker og eksisterende barrierer.',
  'Vurdering av sannsynlighet for hver hendelse, med begrunnelse.',
  'Vurdering av konsekvenser for hver samfunnsverdi og konsekvenstype, med begrunnelse.',
  'Vurdering av sårbarhet, behov for varsling og evakuering, og usikkerhet i kunnskapsgrunnlaget.',
  'Sammenstilling i et risikobilde: risikomatriser samlet og per samfunnsverdi.',
  'Forslag til tiltak, vurdering av restrisiko etter tiltak og plan for oppfølging.',
];

/** Chapter 1: mandate, method (the DSB steps), the scale's levels and the risk matrix. */
export const drawMethod = (ctx: ReportContext): void => {
  const { data, w } = ctx;
  const { analysis, scale } = data;
  w.chapter('1 Mandat og metode');
  w.heading('1.1 Mandat');
  w.para(analysis.mandate?.trim() || 'Mandat er ikke registrert for analysen.');
  if (analysis.councilDecisionDate || analysis.councilCaseNumber) {
    w.para(
      `Vedtatt av kommunestyret ${dateNb(analysis.councilDecisionDate)}${analysis.councilCaseNumber ? `, sak ${analysis.councilCaseNumber}` : ''}.`,
    );
  }
  w.heading('1.2 Metode');
  w.para(
    'Analysen følger stegene i DSBs veileder for helhetlig risiko- og sårbarhetsanalyse i kommunen. Risiko er kombinasjonen av sannsynlighet og konsekvens. ' +
      'En hendelses risiko er den verste av konsekvenstypene som er vurdert, aldri et gjennomsnitt. Sårbarhet og usikkerhet vurderes ved siden av risikoen.',
  );
  METHOD_STEPS.forEach((step, index) => w.para(`${index + 1}. ${step}`));
  w.para(`Skala: ${scale.nameNb}, versjon ${scale.version}. Kilde: ${scale.source.replace(/\.+$/, '')}.`, { colour: GREY, size: 8.5 });
  w.heading('1.3 Sannsynlighet');
  w.table(
    [
      { header: 'Nivå', width: 40 },
      { header: 'Betegnelse', width: 100 },
      { header: 'Beskrivelse', width: w.width - 260 },
      { header: 'Sannsynlighet per år', width: 120 },
    ],
    scale.likelihoodLevels.map((level) => [String(level.rank), level.labelNb, level.descriptionNb, level.probabilityText ?? '–']),
  );
  w.heading('1.4 Konsekvenstyper og -nivåer');
  const levelWidth = (w.width - 170) / scale.consequenceLevels.length;
  w.table(
    [
      { header: 'Konsekvenstype', width: 100 },
      { header: 'Samfunnsverdi', width: 70 },
      ...scale.consequenceLevels.map((level) => ({
        header: `${level.rank} ${level.labelNb}`,
        width: levelWidth,
      })),
    ],
    scale.consequenceTypes.map((type) => [
      type.labelNb,
      scale.valueGroups.find((group) => group.code === type.valueGroup)?.labelNb ?? type.valueGroup,
      ...type.levels.map((level) => level.descriptionNb),
    ]),
    7,
  );
  w.heading('1.5 Risikomatrise og akseptkriterier', 12, 260);
  w.singleMatrix('Risikomatrise med fargebånd');
  w.legend();
};
