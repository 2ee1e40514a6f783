import { HttpErrorResponse } from '@angular/common/http';

import { errorMessage, fieldErrors } from './http-error';

const apiError = (status: number, body: unknown) => new HttpErrorResponse({ error: body, status });

describe('http error mapping', () => {
  it('should turn a stable API code into a Norwegian message', () => {
    expect(errorMessage(apiError(401, { code: 'AUTH_INVALID_CREDENTIALS', message: 'x', statusCode: 401 }))).toBe(
      'Feil e-post eller passord.',
    );
    expect(errorMessage(apiError(409, { code: 'ORG_UNIT_MOVE_INTO_OWN_SUBTREE', message: 'x', statusCode: 409 }))).toContain(
      'under seg selv',
    );
  });

  it('should say the network is down when the request never arrived', () => {
    expect(errorMessage(new HttpErrorResponse({ status: 0 }))).toContain('Får ikke kontakt');
  });

  it('should fall back to a general message for unknown failures', () => {
    expect(errorMessage(new Error('boom'))).toBe('Noe gikk galt hos oss. Prøv igjen om litt.');
  });

  it('should expose the API field errors by field name', () => {
    const error = apiError(400, {
      code: 'VALIDATION_FAILED',
      details: [{ field: 'code', reasons: ['code is already in use'] }],
      message: 'x',
      statusCode: 400,
    });
    expect(fieldErrors(error)).toEqual({ code: ['code is already in use'] });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
