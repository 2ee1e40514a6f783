import { computed, inject } from '@angular/core';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import type { Page } from '@helhet/shared';
import { patchState, signalStoreFeature, withComputed, withHooks, withMethods, withProps, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, from, map, of, pipe, switchMap, tap } from 'rxjs';

import { errorMessage } from '../http-error';

/** The filters as they stand in the URL: one optional string per query parameter. */
export type UrlFilters<K extends string> = Readonly<Partial<Record<K, string>>>;

/** What the loader is asked for: the URL's filters and the page (1-based). */
export interface UrlBoundRequest<K extends string> {
  readonly filters: UrlFilters<K>;
  readonly page: number;
  readonly pageSize: number;
}

export interface UrlBoundQueryConfig<K extends string, TResult> {
  /** The query parameters that filter the list (`page` and `size` are handled by the store). */
  readonly filterKeys: readonly K[];
  /** Rows per page; `?size=` overrides it when `pageSizeInUrl` is set. */
  readonly pageSize?: number;
  /** Whether the page size is read from and written to `?size=` (otherwise it is fixed). */
  readonly pageSizeInUrl?: boolean;
  /** Runs in an injection context (inject the feature's API there) and returns the function that loads one request. */
  readonly loader: () => (request: UrlBoundRequest<K>) => Promise<TResult>;
}

interface UrlBoundQueryState<K extends string, TResult> {
  readonly filters: UrlFilters<K>;
  readonly page: number;
  readonly pageSize: number;
  readonly result: TResult | null;
  readonly loading: boolean;
  readonly error: string | null;
}

type Outcome<TResult> = { readonly ok: true; readonly value: TResult } | { readonly ok: false; readonly error: unknown };

const positive = (value: string | null, fallback: number): number => {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 ? number : fallback;
};

const sameRequest = <K extends string>(a: UrlBoundRequest<K>, b: UrlBoundRequest<K>): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A query whose filters and page live in the URL (so a filtered view can be bookmarked and shared).
 * Reads them from the route's query parameters, writes them back through the router, and loads through
 * `loader` whenever they change. Loads go through `switchMap`: the answer to a request that has since
 * been replaced is dropped, so a slow old response never overwrites a newer one.
 */
export function withUrlBoundQuery<K extends string, TResult>(config: UrlBoundQueryConfig<K, TResult>) {
  const defaultPageSize = config.pageSize ?? 50;
  const initial: UrlBoundQueryState<K, TResult> = {
    error: null,
    filters: {} as UrlFilters<K>,
    loading: false,
    page: 1,
    pageSize: defaultPageSize,
    result: null,
  };
  return signalStoreFeature(
    withState(initial),
    withProps(() => ({ _load: config.loader(), _route: inject(ActivatedRoute), _router: inject(Router) })),
    withComputed(({ filters, page, pageSize }) => ({
      /** Whether any filter is set (for a "clear filters" button). */
      filtered: computed(() => Object.values(filters()).some((value) => value !== undefined)),
      request: computed<UrlBoundRequest<K>>(() => ({ filters: filters(), page: page(), pageSize: pageSize() }), { equal: sameRequest }),
    })),
    withMethods((store) => {
      const navigate = (queryParams: Record<string, string | number | null>, merge: boolean, replaceUrl: boolean): void =>
        void store._router.navigate([], { queryParams, queryParamsHandling: merge ? 'merge' : '', replaceUrl });
      return {
        /** Sets one filter in the URL (empty or false removes it) and goes back to the first page. */
        setFilter(key: K, value: string | boolean | null | undefined): void {
          const text = value === true ? 'true' : value || null;
          navigate({ [key]: text, page: null }, true, true);
        },
        /** Paginator event: `pageIndex` is 0-based, as Material gives it. */
        setPage(pageIndex: number, pageSize?: number): void {
          navigate({ page: pageIndex + 1, ...(config.pageSizeInUrl && pageSize ? { size: pageSize } : {}) }, true, false);
        },
        /** Removes every filter (and the page) from the URL. */
        clearFilters(): void {
          navigate({}, false, true);
        },
        /** Takes the filters and page from the URL's query parameters. */
        _readParams(params: ParamMap): void {
          const filters: Partial<Record<K, string>> = {};
          for (const key of config.filterKeys) {
            const value = params.get(key);
            if (value) filters[key] = value;
          }
          patchState(store, {
            filters,
            page: positive(params.get('page'), 1),
            pageSize: config.pageSizeInUrl ? positive(params.get('size'), defaultPageSize) : defaultPageSize,
          });
        },
        /** Loads each request; a newer request cancels the wait for an older one. */
        _fetch: rxMethod<UrlBoundRequest<K>>(
          pipe(
            tap(() => patchState(store, { error: null, loading: true })),
            switchMap((request) =>
              from(store._load(request)).pipe(
                map((value): Outcome<TResult> => ({ ok: true, value })),
                catchError((error: unknown) => of<Outcome<TResult>>({ error, ok: false })),
              ),
            ),
            tap((outcome) =>
              patchState(
                store,
                outcome.ok ? { loading: false, result: outcome.value } : { error: errorMessage(outcome.error), loading: false },
              ),
            ),
          ),
        ),
      };
    }),
    withMethods((store) => ({
      /** Loads the current request again (after an error). */
      reload(): void {
        store._fetch(store.request());
      },
    })),
    withHooks({
      onInit(store) {
        rxMethod<ParamMap>(tap((params) => store._readParams(params)))(store._route.queryParamMap);
        store._fetch(store.request);
      },
    }),
  );
}

/** `withUrlBoundQuery` for a paged list: adds `items` and `total` from the `Page` the loader returns. */
export function withUrlBoundList<K extends string, TItem, TResult extends Page<TItem> = Page<TItem>>(
  config: UrlBoundQueryConfig<K, TResult>,
) {
  return signalStoreFeature(
    withUrlBoundQuery<K, TResult>(config),
    withComputed(({ result }) => ({
      items: computed<readonly TItem[]>(() => result()?.items ?? []),
      total: computed(() => result()?.total ?? 0),
    })),
  );
}
