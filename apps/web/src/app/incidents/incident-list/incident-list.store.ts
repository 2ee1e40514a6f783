import { inject } from '@angular/core';
import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentKind, type IncidentStatus, SEVERITIES, type Severity } from '@helhet/domain';
import { DEFAULT_PAGE_SIZE, type IncidentSummary, type ListIncidentsQuery } from '@helhet/shared';
import { signalStore } from '@ngrx/signals';

import { type UrlBoundRequest, withUrlBoundList } from '../../core/list/with-url-bound-list';
import { IncidentsApi } from '../incidents.api';

export type IncidentFilterKey = 'category' | 'from' | 'kind' | 'overdue' | 'severity' | 'status' | 'to' | 'unit';

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The URL's filters → the API's list query. */
export const toListIncidentsQuery = ({ filters, page, pageSize }: UrlBoundRequest<IncidentFilterKey>): ListIncidentsQuery => ({
  categoryId: filters.category,
  from: filters.from,
  kind: oneOf<IncidentKind>(INCIDENT_KINDS, filters.kind),
  orgUnitId: filters.unit,
  overdue: filters.overdue === 'true' ? true : undefined,
  page,
  pageSize,
  severity: oneOf<Severity>(SEVERITIES, filters.severity),
  status: oneOf<IncidentStatus>(INCIDENT_STATUSES, filters.status),
  to: filters.to,
});

/** The avvik list's filters and page, bound to the URL. Provided by the list page. */
export const IncidentListStore = signalStore(
  withUrlBoundList<IncidentFilterKey, IncidentSummary>({
    filterKeys: ['category', 'from', 'kind', 'overdue', 'severity', 'status', 'to', 'unit'],
    loader: () => {
      const api = inject(IncidentsApi);
      return (request) => api.list(toListIncidentsQuery(request));
    },
    pageSize: DEFAULT_PAGE_SIZE,
    pageSizeInUrl: true,
  }),
);
