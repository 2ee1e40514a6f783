import { inject } from '@angular/core';
import { RISK_ANALYSIS_STATUSES, RISK_ANALYSIS_TYPES, type RiskAnalysisStatus, type RiskAnalysisType } from '@helhet/domain';
import type { RiskAnalysisSummary } from '@helhet/shared';
import { signalStore } from '@ngrx/signals';

import { type UrlBoundRequest, withUrlBoundList } from '../../core/list/with-url-bound-list';
import { type ListRiskAnalysesQuery, RiskApi } from '../risk.api';

export type AnalysisFilterKey = 'overdue' | 'status' | 'type' | 'unit';

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The URL's filters → the API's query. */
export const toListRiskAnalysesQuery = ({ filters, page, pageSize }: UrlBoundRequest<AnalysisFilterKey>): ListRiskAnalysesQuery => ({
  orgUnitId: filters.unit,
  page,
  pageSize,
  revisionOverdue: filters.overdue === 'true' || undefined,
  status: oneOf<RiskAnalysisStatus>(RISK_ANALYSIS_STATUSES, filters.status),
  type: oneOf<RiskAnalysisType>(RISK_ANALYSIS_TYPES, filters.type),
});

/** The analysis list's filters and page, bound to the URL. Provided by the list page. */
export const AnalysisListStore = signalStore(
  withUrlBoundList<AnalysisFilterKey, RiskAnalysisSummary>({
    filterKeys: ['overdue', 'status', 'type', 'unit'],
    loader: () => {
      const api = inject(RiskApi);
      return (request) => api.analyses(toListRiskAnalysesQuery(request));
    },
    pageSize: 50,
  }),
);
