import { formatIncidentNumber } from '@helhet/domain';

/**
 * What a person types when linking an avvik → the stored number `2027-000042`. Accepts the full number,
 * a short form `2027-42`, or only the sequence `42` (this year). Null when it cannot be a number.
 */
export const normaliseIncidentNumber = (input: string, currentYear: number): string | null => {
  const value = input.trim().replace(/\s+/g, '');
  const withYear = /^(\d{4})[-/](\d{1,9})$/.exec(value);
  if (withYear) {
    const sequence = Number(withYear[2]);
    return sequence >= 1 ? formatIncidentNumber(Number(withYear[1]), sequence) : null;
  }
  if (/^\d{1,6}$/.test(value) && Number(value) >= 1) return formatIncidentNumber(currentYear, Number(value));
  return null;
};
