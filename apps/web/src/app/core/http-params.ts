import { HttpParams } from '@angular/common/http';

/** Query object → HttpParams, leaving out undefined and empty values. */
export const toHttpParams = (query: object): HttpParams =>
  new HttpParams({
    fromObject: Object.fromEntries(
      Object.entries(query)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => [key, String(value)]),
    ),
  });
