/**
 * Helpers for the organisation tree's materialised paths (PostgreSQL `ltree`).
 *
 * A path is the dot-separated list of unit labels from the root down to the unit itself, e.g.
 * `u3f2a….u91bc…`. A label is `u` + the unit's UUID without hyphens: ltree labels on PostgreSQL 15
 * may only contain letters, digits and underscores, and the leading letter keeps them valid identifiers.
 */
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** The ltree label of a unit: `u` + its UUID in lower-case hex without hyphens. */
export const unitLabel = (id: string): string => {
  if (!UUID.test(id)) throw new RangeError(`Not a UUID: ${id}`);
  return `u${id.replace(/-/g, '').toLowerCase()}`;
};

/** The path of a new unit `id` under `parentPath` (`null` for the root of a municipality). */
export const childPath = (parentPath: string | null, id: string): string => (parentPath ? `${parentPath}.${unitLabel(id)}` : unitLabel(id));

/** The parent's path, or `null` for a root path. */
export const parentPathOf = (path: string): string | null => {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? null : path.slice(0, cut);
};

/** True when `path` is `ancestorPath` itself or lies below it (ltree `path <@ ancestorPath`). */
export const isInSubtree = (path: string, ancestorPath: string): boolean => path === ancestorPath || path.startsWith(`${ancestorPath}.`);

/** 0 for the root, 1 for its children, … (ltree `nlevel(path) - 1`, as `OrgUnitSummary.depth`). */
export const depth = (path: string): number => path.split('.').length - 1;

export type MoveUnitVerdict = { ok: true } | { ok: false; reason: 'into_own_subtree' | 'same_parent' };

/**
 * May the unit at `unitPath` be moved under the unit at `newParentPath`? Refused under itself or any of
 * its descendants (that would cut the subtree loose and make a cycle), and pointless under its
 * current parent. The root cannot be moved anywhere (everything is in its subtree).
 */
export const canMoveUnit = ({ unitPath, newParentPath }: { unitPath: string; newParentPath: string }): MoveUnitVerdict => {
  if (isInSubtree(newParentPath, unitPath)) return { ok: false, reason: 'into_own_subtree' };
  if (parentPathOf(unitPath) === newParentPath) return { ok: false, reason: 'same_parent' };
  return { ok: true };
};

/**
 * `path` with its leading `oldPrefix` replaced by `newPrefix`: where a unit in a moved subtree ends up
 * (for the moved unit itself, pass `oldPrefix = its old path`, `newPrefix = childPath(newParent, id)`).
 * Throws a RangeError when `path` is not inside `oldPrefix`.
 */
export const rebasePath = (path: string, oldPrefix: string, newPrefix: string): string => {
  if (!isInSubtree(path, oldPrefix)) throw new RangeError(`${path} is not inside ${oldPrefix}`);
  return `${newPrefix}${path.slice(oldPrefix.length)}`;
};
