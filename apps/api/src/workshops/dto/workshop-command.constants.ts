/** Longest free text in a workshop command (consensus rationale and dissent, proposals). */
export const WORKSHOP_TEXT_MAX = 2000;
/** A dimension is `likelihood` or a consequence type code of the scale set; the scale decides which exist. */
export const WORKSHOP_DIMENSION_MAX = 50;
