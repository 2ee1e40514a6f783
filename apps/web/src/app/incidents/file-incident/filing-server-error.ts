import type { FilingForm } from './filing-form';

/** The API's message on a field of the filing form (set by `markServerError`), or null. */
export const serverErrorOf = (form: FilingForm, name: keyof FilingForm['controls']): string | null => {
  const error: unknown = form.controls[name].getError('server');
  return typeof error === 'string' ? error : null;
};
