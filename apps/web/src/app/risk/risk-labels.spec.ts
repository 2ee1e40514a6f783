import { fieldReasonText } from './risk-labels';

describe('risk labels', () => {
  it('should turn the API reasons into Norwegian text at the field', () => {
    expect(fieldReasonText(['must be 1–5 on this scale'])).toBe('Velg et nivå mellom 1 og 5 på denne skalaen.');
    expect(fieldReasonText(['unknown unit'])).toBe('Velg en enhet du har tilgang til.');
    expect(fieldReasonText(['title should not be empty', 'title must be longer than or equal to 1 characters'])).toBe(
      'Feltet må fylles ut.',
    );
    expect(fieldReasonText(['something the web does not know'])).toBe('Verdien er ikke gyldig.');
    expect(fieldReasonText([])).toBeNull();
    expect(fieldReasonText(undefined)).toBeNull();
  });
});
