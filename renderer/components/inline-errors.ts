/**
 * Where a refusal of the core is already shown next to its control (the dossier's selected
 * sub-criterion), it is not shown again as a toast: one place for one error.
 */
const shown = new Map<string, number>();

export const inlineErrors = {
  /** While mounted, the errors of `key` show inline; returns the release. */
  claim(key: string): () => void {
    shown.set(key, (shown.get(key) ?? 0) + 1);
    return () => {
      const n = (shown.get(key) ?? 1) - 1;
      if (n <= 0) shown.delete(key);
      else shown.set(key, n);
    };
  },
  has: (key: string): boolean => shown.has(key),
};

export const errorKey = (unitId: string, code: string): string => `${unitId}\u001f${code}`;
