/** Distribution of the votes on one dimension in a ROS workshop round (domain.md §2.7). */
export interface VoteStats {
  count: number;
  /** The middle value; the mean of the two middle values for an even count (may be x.5). */
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min */
  spread: number | null;
  /** The distinct values at least 2 ranks from the median, ascending: the voices to hear before deciding. */
  outliers: number[];
}

/** How far from the median a vote must be to count as an outlier. */
export const OUTLIER_DISTANCE = 2;

export const voteStats = (values: readonly number[]): VoteStats => {
  const sorted = [...values].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count: 0, max: null, median: null, min: null, outliers: [], spread: null };
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const min = sorted[0] as number;
  const max = sorted[count - 1] as number;
  const outliers = [...new Set(sorted.filter((value) => Math.abs(value - median) >= OUTLIER_DISTANCE))];
  return { count, max, median, min, outliers, spread: max - min };
};
