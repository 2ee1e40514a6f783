/**
 * Validity periods on date-only strings (`YYYY-MM-DD`), as stored in `date` columns
 * (`valid_from` / `valid_to` on org units, role assignments and delegations).
 *
 * Both ends are inclusive, and a `null` end means "open" (no end date). Date-only strings in
 * `YYYY-MM-DD` form sort lexicographically in calendar order, so plain string comparison is exact.
 */
export const isActiveOn = (validFrom: string, validTo: string | null, at: string): boolean =>
  validFrom <= at && (validTo === null || at <= validTo);
