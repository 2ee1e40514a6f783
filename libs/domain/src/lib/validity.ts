/**
 * Validity periods on date-only strings (`YYYY-MM-DD`), as stored in `date` columns.
 *
 * By default both ends are inclusive (`validFrom ≤ at ≤ validTo`): the rule for delegations and role
 * assignments. Org units store an **exclusive** end (`valid_to` is the first day the unit is no longer
 * active, so deactivating today sets today): pass `{ endExclusive: true }` for them.
 * A `null` end means "open" (no end date). Date-only strings in `YYYY-MM-DD` form sort lexicographically
 * in calendar order, so plain string comparison is exact.
 */
export const isActiveOn = (validFrom: string, validTo: string | null, at: string, options: { endExclusive?: boolean } = {}): boolean =>
  validFrom <= at && (validTo === null || (options.endExclusive ? at < validTo : at <= validTo));
