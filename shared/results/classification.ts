/**
 * Classification groups (nhóm xếp loại) on the published index, with the exact bounds:
 * group 1 above 90%; group 2 from 80% to 90% (90,00 is group 2); group 3 from 65% to
 * under 80%; group 4 from 50% to under 65%; group 5 under 50%.
 */
export type ClassificationGroup = 1 | 2 | 3 | 4 | 5;
export const CLASSIFICATION_GROUPS: readonly ClassificationGroup[] = [1, 2, 3, 4, 5];

export const CLASSIFICATION_LABELS: Readonly<Record<ClassificationGroup, string>> = {
  1: 'Nhóm 1 (trên 90%)',
  2: 'Nhóm 2 (từ 80% đến 90%)',
  3: 'Nhóm 3 (từ 65% đến dưới 80%)',
  4: 'Nhóm 4 (từ 50% đến dưới 65%)',
  5: 'Nhóm 5 (dưới 50%)',
};

/** `published` is the published index as an integer count of 10^-places percent (83,84% → 8384). */
export function classify(published: bigint, places: number): ClassificationGroup {
  const unit = 10n ** BigInt(places);
  if (published > 90n * unit) return 1;
  if (published >= 80n * unit) return 2;
  if (published >= 65n * unit) return 3;
  if (published >= 50n * unit) return 4;
  return 5;
}

export function emptyCounts(): Record<ClassificationGroup, number> {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}
