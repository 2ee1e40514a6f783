import type { Signal } from '@angular/core';
import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';

/**
 * Puts a Material field in its error state while `errors()` names it, whether the error came from
 * the web's own check or from the API's 400 details. The message itself is a `<mat-error>`.
 */
export class FieldErrorMatcher implements ErrorStateMatcher {
  constructor(
    private readonly errors: Signal<Readonly<Record<string, unknown>>>,
    private readonly field: string,
  ) {}

  isErrorState(_control: AbstractControl | null, _form: FormGroupDirective | NgForm | null): boolean {
    return this.field in this.errors();
  }
}

/** One matcher per field name, made once (Material compares them by reference). */
export const matchersFor = <F extends string>(
  errors: Signal<Readonly<Record<string, unknown>>>,
  fields: readonly F[],
): Record<F, FieldErrorMatcher> =>
  Object.fromEntries(fields.map((field) => [field, new FieldErrorMatcher(errors, field)])) as Record<F, FieldErrorMatcher>;

/** Focuses the element with `id` once the view has shown the errors (the first field in error, a result message). */
export const focusById = (id: string): void => {
  setTimeout(() => document.getElementById(id)?.focus());
};
