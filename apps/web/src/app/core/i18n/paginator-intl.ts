import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** Material's paginator texts in the user's language. */
@Injectable()
export class LocalizedPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = $localize`:@@paginator.perPage:Per side:`;
  override nextPageLabel = $localize`:@@paginator.next:Neste side`;
  override previousPageLabel = $localize`:@@paginator.previous:Forrige side`;
  override firstPageLabel = $localize`:@@paginator.first:Første side`;
  override lastPageLabel = $localize`:@@paginator.last:Siste side`;
  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return $localize`:@@paginator.none:0 av 0`;
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return $localize`:@@paginator.range:${start}:START:–${end}:END: av ${length}:TOTAL:`;
  };
}

/**
 * For the `providers` of a component that shows a paginator. Provided per component, not in app.config: importing
 * the paginator there pulls it, the select and the form field into the initial bundle of every page.
 */
export const LOCALIZED_PAGINATOR = { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl };
