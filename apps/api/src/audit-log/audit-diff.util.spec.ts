import { diffRecords } from './audit-diff.util';

interface Row {
  id: string;
  name: string;
  code: string;
  diagnosis: string | null;
  updatedAt: Date;
}

describe('diffRecords', () => {
  it('should list only changed fields, sorted, with old and new values', () => {
    const before: Row = { code: '1', diagnosis: null, id: 'a', name: 'Gamle', updatedAt: new Date(1) };
    const after: Row = { ...before, name: 'Nye', updatedAt: new Date(2) };
    expect(diffRecords(before, after)).toEqual([{ field: 'name', new: 'Nye', old: 'Gamle' }]);
  });

  it('should record every field as new when the record is created', () => {
    expect(diffRecords(null, { code: '7', name: 'X' })).toEqual([
      { field: 'code', new: '7', old: null },
      { field: 'name', new: 'X', old: null },
    ]);
  });

  it('should never write redacted fields in clear text', () => {
    const changes = diffRecords<Row>({ diagnosis: 'secret A' }, { diagnosis: 'secret B' }, ['diagnosis']);
    expect(changes).toEqual([{ field: 'diagnosis', new: '[redacted]', old: '[redacted]' }]);
    expect(JSON.stringify(changes)).not.toContain('secret');
  });

  it('should never include password hashes', () => {
    expect(diffRecords({ passwordHash: 'h1' }, { passwordHash: 'h2' })).toEqual([]);
  });
});
