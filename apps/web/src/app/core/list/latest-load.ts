import type { WritableSignal } from '@angular/core';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, from, map, of, pipe, switchMap, tap } from 'rxjs';

import { errorMessage } from '../http-error';

type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

export interface LatestLoadTargets<R> {
  /** True while the newest request is on its way. */
  readonly loading: WritableSignal<boolean>;
  /** The newest request's failure as a message; cleared when a request starts. */
  readonly error: WritableSignal<string | null>;
  /** The answer to the newest request only. */
  readonly next: (value: R) => void;
}

/**
 * Loads through `fetch` for each value it is given (a value, or a signal whose changes it follows), with
 * `switchMap`: the answer to a request that has since been replaced is dropped, so a slow old response
 * never overwrites a newer one. Call it in an injection context (a field initialiser); it stops with the component.
 */
export const latestLoad = <T, R>(fetch: (arg: T) => Promise<R>, { error, loading, next }: LatestLoadTargets<R>) =>
  rxMethod<T>(
    pipe(
      tap(() => {
        loading.set(true);
        error.set(null);
      }),
      switchMap((arg) =>
        from(fetch(arg)).pipe(
          map((value): Outcome<R> => ({ ok: true, value })),
          catchError((failure: unknown) => of<Outcome<R>>({ error: failure, ok: false })),
        ),
      ),
      tap((outcome) => {
        loading.set(false);
        if (outcome.ok) next(outcome.value);
        else error.set(errorMessage(outcome.error));
      }),
    ),
  );
