import { inject } from '@angular/core';
import type { IncidentStatsQuery, IncidentStatsResponse } from '@helhet/shared';
import { signalStore } from '@ngrx/signals';

import { type UrlBoundRequest, withUrlBoundQuery } from '../../core/list/with-url-bound-list';
import { IncidentsApi } from '../incidents.api';

export type IncidentStatsFilterKey = 'fromMonth' | 'toMonth' | 'unit';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The URL's filters → the API's query (months that are not `YYYY-MM` are left out). */
export const toIncidentStatsQuery = ({ filters }: UrlBoundRequest<IncidentStatsFilterKey>): IncidentStatsQuery => ({
  fromMonth: MONTH.test(filters.fromMonth ?? '') ? filters.fromMonth : undefined,
  orgUnitId: filters.unit,
  toMonth: MONTH.test(filters.toMonth ?? '') ? filters.toMonth : undefined,
});

/** The statistics page's filters, bound to the URL. Provided by the page. */
export const IncidentStatsStore = signalStore(
  withUrlBoundQuery<IncidentStatsFilterKey, IncidentStatsResponse>({
    filterKeys: ['fromMonth', 'toMonth', 'unit'],
    loader: () => {
      const api = inject(IncidentsApi);
      return (request) => api.stats(toIncidentStatsQuery(request));
    },
  }),
);
