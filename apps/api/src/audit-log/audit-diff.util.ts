import type { AuditChange } from '@helhet/shared';

export type Redactions<T> = readonly (keyof T & string)[];

/** Fields that are bookkeeping, not content. */
const IGNORED = new Set(['createdAt', 'updatedAt', 'tenant', 'tenantId', 'id', 'passwordHash']);

const normalise = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/** Field-level diff old → new; redacted fields appear as `[redacted]` on both sides. */
export const diffRecords = <T extends object>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  redact: Redactions<T> = [],
): AuditChange[] => {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of [...keys].sort()) {
    if (IGNORED.has(field)) continue;
    const oldValue = normalise(before ? (before as Record<string, unknown>)[field] : null);
    const newValue = normalise(after ? (after as Record<string, unknown>)[field] : null);
    if (typeof oldValue === 'object' && oldValue !== null) continue; // relations are audited on their own rows
    if (typeof newValue === 'object' && newValue !== null) continue;
    if (oldValue === newValue) continue;
    const hidden = (redact as readonly string[]).includes(field);
    changes.push({ field, new: hidden ? '[redacted]' : newValue, old: hidden ? '[redacted]' : oldValue });
  }
  return changes;
};
