/**
 * Typed rows for raw SQL (ADR 0014). A raw `manager.query()` returns snake_case columns; typing the result with
 * `EntityRow<Measure, 'id' | 'orgUnitId'>` (→ `{ id: string; org_unit_id: string }`) derives both the keys and the
 * value types from the entity, so renaming or retyping an entity property breaks the compilation of every raw query
 * row typed with it instead of drifting silently. The key conversion mirrors `SnakeNamingStrategy.columnName`
 * (`entity-row.spec.ts` checks the two agree against the TypeORM metadata of every entity).
 *
 * Values keep the entity's property types. Two PostgreSQL types come back from `pg` differently from the entity:
 * `date` columns (select them as `col::text` to get the entity's `string`) and `bigint`/`numeric` (strings).
 */

/** `orgUnitId` → `org_unit_id`, `sha256` → `sha256` (as `SnakeNamingStrategy` names columns; no acronyms in property names). */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** Property names of an entity that hold column values (not methods, not loaded relations). */
export type ColumnKey<E> = {
  [K in keyof E & string]-?: NonNullable<E[K]> extends (...args: never[]) => unknown
    ? never
    : undefined extends E[K]
      ? never // relations are declared optional (`orgUnit?: Relation<OrgUnit>`); columns use `!`
      : K;
}[keyof E & string];

/** The row a raw query returns for the given entity columns, keyed by their snake_case column names. */
export type EntityRow<E, K extends ColumnKey<E>> = { [P in K as SnakeCase<P>]: E[P] };

/** The runtime twin of `SnakeCase` (the spec checks it, and so the type, against the naming strategy for every column). */
export const snakeKey = <S extends string>(property: S): SnakeCase<S> =>
  property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as SnakeCase<S>;

/** A joined table's columns selected under a prefix: `h.id AS handler_id, h.name AS handler_name` is `Prefixed<'handler', EntityRow<User, 'id' | 'name'>>`. */
export type Prefixed<P extends string, R> = { [K in keyof R & string as `${P}_${K}`]: R[K] };

/** The columns of a LEFT JOIN (or of a nullable scalar subquery): every value may be null. */
export type LeftJoined<R> = { [K in keyof R]: R[K] | null };
