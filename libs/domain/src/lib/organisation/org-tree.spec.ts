import { canMoveUnit, childPath, depth, isInSubtree, parentPathOf, rebasePath, unitLabel } from './org-tree';

const ROOT_ID = '0b7e6c8a-1d2f-4a3b-9c4d-5e6f7a8b9c0d';
const SECTOR_ID = '11111111-2222-4333-8444-555555555555';
const UNIT_ID = 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE';
const DEPT_ID = '99999999-8888-4777-a666-555555555555';

const root = childPath(null, ROOT_ID);
const sector = childPath(root, SECTOR_ID);
const unit = childPath(sector, UNIT_ID);
const department = childPath(unit, DEPT_ID);

describe('org tree paths', () => {
  describe('labels', () => {
    it('should be "u" + lower-case hex without hyphens (valid on PostgreSQL 15)', () => {
      expect(unitLabel(UNIT_ID)).toBe('uaaaaaaaabbbb4ccc8dddeeeeeeeeeeee');
      expect(unitLabel(UNIT_ID)).toMatch(/^[a-z0-9_]+$/);
    });
    it('should refuse something that is not a UUID', () => expect(() => unitLabel('not-a-uuid')).toThrow(RangeError));
  });

  describe('a four-level chain: kommune → sector → unit → department', () => {
    it('should build each path from its parent', () => {
      expect(root).toBe('u0b7e6c8a1d2f4a3b9c4d5e6f7a8b9c0d');
      expect(department.split('.')).toHaveLength(4);
      expect(parentPathOf(department)).toBe(unit);
      expect(parentPathOf(root)).toBeNull();
    });
    it('should give depth 0 to the root and 3 to the department', () => {
      expect(depth(root)).toBe(0);
      expect(depth(department)).toBe(3);
    });
    it('should place the department in the subtrees of all its ancestors and itself', () => {
      for (const ancestor of [root, sector, unit, department]) expect(isInSubtree(department, ancestor)).toBe(true);
      expect(isInSubtree(unit, department)).toBe(false);
    });
  });

  describe('a label that is a prefix of a sibling label', () => {
    it('should not count the sibling as inside the subtree', () => {
      expect(isInSubtree('ua.ub12', 'ua.ub1')).toBe(false);
    });
  });

  describe('moving a unit', () => {
    const otherSector = childPath(root, '22222222-3333-4444-8555-666666666666');

    it('should allow a move to another sector', () =>
      expect(canMoveUnit({ newParentPath: otherSector, unitPath: unit })).toEqual({ ok: true }));
    it('should refuse a move under itself', () =>
      expect(canMoveUnit({ newParentPath: unit, unitPath: unit })).toEqual({ ok: false, reason: 'into_own_subtree' }));
    it('should refuse a move under its own department', () =>
      expect(canMoveUnit({ newParentPath: department, unitPath: unit })).toEqual({ ok: false, reason: 'into_own_subtree' }));
    it('should report a move to the current parent as same_parent', () =>
      expect(canMoveUnit({ newParentPath: sector, unitPath: unit })).toEqual({ ok: false, reason: 'same_parent' }));
    it('should refuse moving the root anywhere', () =>
      expect(canMoveUnit({ newParentPath: sector, unitPath: root })).toEqual({ ok: false, reason: 'into_own_subtree' }));

    it('should rebase the whole subtree onto the new parent', () => {
      const movedUnit = childPath(otherSector, UNIT_ID);
      expect(rebasePath(unit, unit, movedUnit)).toBe(movedUnit);
      expect(rebasePath(department, unit, movedUnit)).toBe(`${movedUnit}.${unitLabel(DEPT_ID)}`);
    });
    it('should refuse to rebase a path outside the moved subtree', () =>
      expect(() => rebasePath(otherSector, unit, root)).toThrow(RangeError));
  });
});
