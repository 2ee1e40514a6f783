import { inject } from '@angular/core';
import { RISK_ANALYSIS_TYPES, type RiskAnalysisType } from '@helhet/domain';
import type { Page, RiskHeatMapResponse, RiskRegisterItem, RiskRegisterQuery } from '@helhet/shared';
import { signalStore } from '@ngrx/signals';

import { type UrlBoundRequest, withUrlBoundList } from '../../core/list/with-url-bound-list';
import { RiskApi } from '../risk.api';

export type RiskRegisterFilterKey = 'band' | 'overdue' | 'type' | 'unit';

/** The register is shown on DSB's societal scale. */
export const REGISTER_SCALE_CODE = 'dsb_societal';

/** One page of the register and the heat map for the same filters, loaded together. */
export type RiskRegisterResult = Page<RiskRegisterItem> & { readonly heatMap: RiskHeatMapResponse };

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The URL's filters → the API's query. */
export const toRiskRegisterQuery = ({ filters, page, pageSize }: UrlBoundRequest<RiskRegisterFilterKey>): RiskRegisterQuery => ({
  band: filters.band,
  orgUnitId: filters.unit,
  page,
  pageSize,
  revisionOverdue: filters.overdue === 'true' ? true : undefined,
  scaleSetCode: REGISTER_SCALE_CODE,
  type: oneOf<RiskAnalysisType>(RISK_ANALYSIS_TYPES, filters.type),
});

/** The risk register's filters and page, bound to the URL. Provided by the register page. */
export const RiskRegisterStore = signalStore(
  withUrlBoundList<RiskRegisterFilterKey, RiskRegisterItem, RiskRegisterResult>({
    filterKeys: ['band', 'overdue', 'type', 'unit'],
    loader: () => {
      const api = inject(RiskApi);
      return async (request) => {
        const query = toRiskRegisterQuery(request);
        const [page, heatMap] = await Promise.all([api.register(query), api.heatMap(query)]);
        return { ...page, heatMap };
      };
    },
    pageSize: 50,
  }),
);
