import { voteStats } from './workshop-stats';

describe('voteStats', () => {
  it('should give nothing but a zero count for no votes', () => {
    expect(voteStats([])).toEqual({ count: 0, max: null, median: null, min: null, outliers: [], spread: null });
  });

  it('should take the middle value of an odd count, whatever the order', () => {
    expect(voteStats([5, 1, 3])).toMatchObject({ count: 3, max: 5, median: 3, min: 1, spread: 4 });
  });

  it('should average the two middle values of an even count', () => {
    expect(voteStats([4, 2, 3, 1]).median).toBe(2.5);
  });

  it('should list each value at least 2 ranks from the median once, ascending', () => {
    // median 3: 1 and 5 are 2 away, 4 and 2 are not
    expect(voteStats([5, 3, 1, 3, 4, 2, 5, 3, 3]).outliers).toEqual([1, 5]);
    // median 2.5: 4 is 1.5 away (not), 5 is 2.5 away
    expect(voteStats([1, 2, 3, 5]).outliers).toEqual([5]);
  });

  it('should find no outliers when everyone agrees', () => {
    expect(voteStats([4, 4, 4])).toMatchObject({ outliers: [], spread: 0 });
  });
});
