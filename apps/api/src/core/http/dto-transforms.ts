import { ValidateIf } from 'class-validator';

/** class-transformer `@Transform` helpers shared by every request DTO. */
type TransformInput = { value: unknown };

export const trim = ({ value }: TransformInput): unknown => (typeof value === 'string' ? value.trim() : value);

export const lower = ({ value }: TransformInput): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Blank optional text becomes null. */
export const blankToNull = ({ value }: TransformInput): unknown => (typeof value === 'string' ? value.trim() || null : value);

/** Query-string booleans (`?overdue=true`). */
export const queryBoolean = ({ value }: TransformInput): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Validate the field's other rules only when a value is given (null and undefined pass). */
export const nullable = ValidateIf((_, value) => value !== null && value !== undefined);
