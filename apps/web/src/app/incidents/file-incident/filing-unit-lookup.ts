import { DestroyRef, effect, inject, type Signal, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { FilingUnitResponse } from '@helhet/shared';
import { catchError, debounceTime, distinctUntilChanged, from, map, of, switchMap } from 'rxjs';

import { IncidentsApi } from '../incidents.api';
import type { FilingForm } from './filing-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FilingUnitLookup {
  /** Suggestions for what the reporter typed (or the preselected unit). */
  readonly options: Signal<readonly FilingUnitResponse[]>;
  /** Why the unit from a QR code could not be preselected. */
  readonly notice: Signal<string | null>;
}

/**
 * The filing form's unit field: preselects `?unit=` when it names an active unit, else the reporter's own
 * unit (the API's answer to an empty search), and searches as the reporter types (latest search wins).
 * Call in an injection context (a field initialiser of the page).
 */
export const filingUnitLookup = (control: FilingForm['controls']['unit'], unitId: Signal<string | undefined>): FilingUnitLookup => {
  const api = inject(IncidentsApi);
  const destroyRef = inject(DestroyRef);
  const options = signal<readonly FilingUnitResponse[]>([]);
  const notice = signal<string | null>(null);

  const preselect = async (id: string | undefined): Promise<void> => {
    if (control.dirty) return;
    notice.set(null);
    const fromQr = id !== undefined && id !== '';
    try {
      const units = fromQr && UUID.test(id) ? await api.filingUnits(id) : fromQr ? [] : await api.filingUnits('');
      const [first] = units;
      if (first && !control.dirty) {
        control.setValue(first);
        options.set([first]);
      } else if (fromQr) {
        notice.set($localize`:@@incidentFile.qrUnitMissing:Fant ikke enheten fra QR-koden. Velg enheten selv.`);
      }
    } catch {
      // The reporter picks the unit by hand; the field says so.
    }
  };

  effect(() => {
    const id = unitId();
    untracked(() => void preselect(id));
  });

  control.valueChanges
    .pipe(
      map((value) => (typeof value === 'string' ? value.trim() : null)),
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((q) => (q === null ? of(null) : q.length < 2 ? of([]) : from(api.filingUnits(q)).pipe(catchError(() => of([]))))),
      takeUntilDestroyed(destroyRef),
    )
    .subscribe((units) => {
      if (units) options.set(units);
    });

  return { notice: notice.asReadonly(), options: options.asReadonly() };
};
