/**
 * Competition ranking on the published index: equal published indices share a rank
 * and the next rank skips (1, 1, 3).
 */
export function competitionRanks(values: readonly bigint[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((x, y) => (x.v > y.v ? -1 : x.v < y.v ? 1 : x.i - y.i));
  const ranks = new Array<number>(values.length);
  let prev: bigint | null = null;
  let prevRank = 0;
  order.forEach((e, pos) => {
    const rank = prev !== null && e.v === prev ? prevRank : pos + 1;
    ranks[e.i] = rank;
    prev = e.v;
    prevRank = rank;
  });
  return ranks;
}
