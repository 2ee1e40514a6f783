import { normaliseIncidentNumber } from './incident-number';

describe('normaliseIncidentNumber', () => {
  it('should keep a full number and pad a short one', () => {
    expect(normaliseIncidentNumber('2027-000042', 2030)).toBe('2027-000042');
    expect(normaliseIncidentNumber(' 2027-42 ', 2030)).toBe('2027-000042');
    expect(normaliseIncidentNumber('2027/7', 2030)).toBe('2027-000007');
  });

  it('should read a bare sequence as this year’s', () => {
    expect(normaliseIncidentNumber('42', 2027)).toBe('2027-000042');
  });

  it('should refuse what cannot be a number', () => {
    expect(normaliseIncidentNumber('', 2027)).toBeNull();
    expect(normaliseIncidentNumber('0', 2027)).toBeNull();
    expect(normaliseIncidentNumber('2027-0', 2027)).toBeNull();
    expect(normaliseIncidentNumber('avvik 42', 2027)).toBeNull();
  });
});
