import { inject, Injectable, signal } from '@angular/core';
import type { ScenarioLinksResponse } from '@helhet/shared';

import { errorMessage, fieldErrors } from '../../core/http-error';
import { ScenarioLinksApi } from './scenario-links.api';

/**
 * State of one scenario's links, shared by ScenarioLinksComponent and its measures and evidence parts: the
 * loaded links, the busy flag, the live message, the alert and the field errors. Provided per component.
 */
@Injectable()
export class ScenarioLinksStore {
  private readonly api = inject(ScenarioLinksApi);

  readonly links = signal<ScenarioLinksResponse | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly message = signal('');
  readonly errors = signal<Record<string, string>>({});

  async load(analysisId: string, scenarioId: string): Promise<void> {
    try {
      this.links.set(await this.api.get(analysisId, scenarioId));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  /** Runs one change; on success shows the links it returns and `success`, on failure the field errors and the alert. */
  async run(action: (api: ScenarioLinksApi) => Promise<ScenarioLinksResponse>, success: string): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set('');
    this.errors.set({});
    try {
      this.links.set(await action(this.api));
      this.message.set(success);
      return true;
    } catch (error) {
      const messages = fieldMessages(fieldErrors(error));
      this.errors.set(messages);
      this.error.set(Object.values(messages)[0] ?? errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}

const fieldMessages = (fields: Readonly<Record<string, unknown>>): Record<string, string> => {
  const messages: Record<string, string> = {};
  if ('title' in fields) messages['title'] = $localize`:@@scenarioLinks.errTitleServer:Tittelen mangler eller er for lang.`;
  if ('deadline' in fields) messages['deadline'] = $localize`:@@scenarioLinks.errDeadline:Fristen er ikke en gyldig dato.`;
  if ('ownerUserId' in fields)
    messages['ownerUserId'] = $localize`:@@scenarioLinks.errOwner:Fant ikke personen, eller brukeren er deaktivert.`;
  if ('incidentNumber' in fields || 'incidentId' in fields)
    messages['incident'] = $localize`:@@scenarioLinks.errIncident:Fant ikke avviket, eller du har ikke tilgang til det.`;
  return messages;
};
