import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BreachRiskLevel, CiaType } from '@helhet/domain';
import type { InjuryRecordResponse, PersonalDataBreachResponse } from '@helhet/shared';

import { BREACH_RISK_LABELS, CIA_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';

/** Read-only view of the injury register entry (aml § 5-1) and the personal-data breach record (GDPR art. 33). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'hh-incident-records',
  styleUrl: './incident-panels.scss',
  template: `
    @if (injury(); as i) {
      <section class="block" aria-labelledby="injury-title">
        <h2 id="injury-title" i18n="@@incidentDetail.injuryTitle">Skademelding (skadeprotokoll, aml § 5-1)</h2>
        <dl class="facts wide">
          <dt i18n="@@incidentDetail.injured">Skadet person</dt>
          <dd>{{ i.injuredUser?.name ?? i.injuredPersonText ?? '–' }}</dd>
          <dt i18n="@@incidentDetail.workBeingDone">Arbeid som ble utført</dt>
          <dd class="text">{{ i.workBeingDone }}</dd>
          <dt i18n="@@incidentDetail.courseOfEvents">Hendelsesforløp</dt>
          <dd class="text">{{ i.courseOfEvents }}</dd>
          <dt i18n="@@incidentDetail.presumedCauses">Antatte årsaker</dt>
          <dd class="text">{{ i.presumedCauses || '–' }}</dd>
          <dt i18n="@@incidentDetail.injuryDescription">Beskrivelse av skaden</dt>
          <dd class="text">{{ i.injuryDescription }}</dd>
          <dt i18n="@@incidentDetail.absence">Fravær</dt>
          <dd>
            @if (i.absence) {
              @if (i.absenceDays !== null && i.absenceDays !== undefined) {
                <ng-container i18n="@@incidentDetail.absenceDays">Ja, {{ i.absenceDays }} dager</ng-container>
              } @else {
                <ng-container i18n="@@incidentDetail.yes">Ja</ng-container>
              }
            } @else {
              <ng-container i18n="@@incidentDetail.no">Nei</ng-container>
            }
          </dd>
          <dt i18n="@@incidentDetail.occupationalDisease">Arbeidsrelatert sykdom</dt>
          <dd>
            @if (i.occupationalDisease) {
              <ng-container i18n="@@incidentDetail.yes">Ja</ng-container>
            } @else {
              <ng-container i18n="@@incidentDetail.no">Nei</ng-container>
            }
          </dd>
          @if (i.medicalInfo) {
            <dt i18n="@@incidentDetail.medicalInfo">Medisinske opplysninger (med samtykke)</dt>
            <dd class="text">{{ i.medicalInfo }}</dd>
          }
        </dl>
      </section>
    }
    @if (breach(); as b) {
      <section class="block" aria-labelledby="breach-title">
        <h2 id="breach-title" i18n="@@incidentDetail.breachTitle">Brudd på personopplysningssikkerheten</h2>
        <dl class="facts wide">
          <dt i18n="@@incidentDetail.discoveredAt">Oppdaget</dt>
          <dd>{{ dateTime(b.discoveredAt) }}</dd>
          <dt i18n="@@incidentDetail.ciaTypes">Type brudd</dt>
          <dd>{{ cia(b.ciaTypes) || '–' }}</dd>
          <dt i18n="@@incidentDetail.affectedCount">Antall berørte</dt>
          <dd>{{ b.affectedCount ?? unknown }}</dd>
          <dt i18n="@@incidentDetail.dataCategories">Typer personopplysninger</dt>
          <dd>{{ b.dataCategories.join(', ') || '–' }}</dd>
          <dt i18n="@@incidentDetail.specialCategories">Særlige kategorier (f.eks. helse)</dt>
          <dd>
            @if (b.specialCategories) {
              <ng-container i18n="@@incidentDetail.yes">Ja</ng-container>
            } @else {
              <ng-container i18n="@@incidentDetail.no">Nei</ng-container>
            }
          </dd>
          <dt i18n="@@incidentDetail.relationToSubjects">Forhold til de registrerte</dt>
          <dd class="text">{{ b.relationToSubjects || '–' }}</dd>
          <dt i18n="@@incidentDetail.whereDataNow">Hvor opplysningene er nå</dt>
          <dd class="text">{{ b.whereDataNow || '–' }}</dd>
          <dt i18n="@@incidentDetail.possibleConsequences">Mulige konsekvenser</dt>
          <dd class="text">{{ b.possibleConsequences || '–' }}</dd>
          <dt i18n="@@incidentDetail.riskAssessment">Risikovurdering</dt>
          <dd>{{ risk(b.riskAssessment) }}</dd>
          <dt i18n="@@incidentDetail.dpaRequired">Melding til Datatilsynet</dt>
          <dd>
            @if (b.dpaNotificationRequired) {
              <ng-container i18n="@@incidentDetail.dpaRequiredYes"
                >Påkrevd, frist {{ dateTime(b.notificationDeadlineAt) }} (72 timer)</ng-container
              >
            } @else {
              <ng-container i18n="@@incidentDetail.dpaRequiredNo"
                >Ikke påkrevd etter risikovurderingen (føres i avvikslisten for brudd)</ng-container
              >
            }
          </dd>
          @if (b.lateReason) {
            <dt i18n="@@incidentDetail.lateReason">Begrunnelse for sen melding</dt>
            <dd class="text">{{ b.lateReason }}</dd>
          }
        </dl>
      </section>
    }
  `,
})
export class IncidentRecordsComponent {
  readonly injury = input<InjuryRecordResponse | null>(null);
  readonly breach = input<PersonalDataBreachResponse | null>(null);
  protected readonly unknown = $localize`:@@incidentDetail.unknown:Ukjent`;
  protected readonly dateTime = (value: string) => formatDate(value, true);
  protected readonly cia = (types: CiaType[]) => types.map((type) => CIA_LABELS[type]()).join(', ');
  protected readonly risk = (level: BreachRiskLevel) => BREACH_RISK_LABELS[level]();
}
