/**
 * What every benchmark reports: a figure, what it includes, and, where the issues set one,
 * its goal with "met" or "not met" printed beside it. Tests never assert times; the bench
 * prints them.
 */
export interface Figure {
  /** What was measured, and at what size ("recompute cold, 150 units"). */
  readonly name: string;
  readonly value: number;
  readonly unit: 'ms' | 's' | 'MB' | '×' | 'KB/unit' | '';
  /** The figure must be at most this (same unit). */
  readonly goal?: number;
  /** What the figure includes, in a few words (printed under it). */
  readonly includes?: string;
}

export function figure(name: string, value: number, unit: Figure['unit'], goal?: number, includes?: string): Figure {
  return {
    name,
    value,
    unit,
    ...(goal === undefined ? {} : { goal }),
    ...(includes === undefined ? {} : { includes }),
  };
}

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** One line per figure: name, value, goal and verdict; the "includes" on the next line. */
export function formatFigures(figures: readonly Figure[]): string {
  const width = Math.max(40, ...figures.map((f) => [...f.name].length + 1));
  return figures
    .map((f) => {
      const value = `${num(f.value)} ${f.unit}`.trim();
      const verdict =
        f.goal === undefined
          ? ''
          : `${`   goal ≤ ${num(f.goal)} ${f.unit}`.trimEnd()}: ${f.value <= f.goal ? 'met' : 'NOT MET'}`;
      const head = `${f.name.padEnd(width)} ${value.padStart(12)}${verdict}`;
      return f.includes ? `${head}\n${' '.repeat(4)}(${f.includes})` : head;
    })
    .join('\n');
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * The benchmark sizes: 40 and 150 units always; 1,000 and 10,000 unless --quick.
 * CCHC_BENCH_SIZES=10000 (a comma-separated list) runs those sizes only.
 */
export function sizes(quick: boolean): number[] {
  const only = process.env['CCHC_BENCH_SIZES'];
  if (only) return only.split(',').map((s) => Number(s.trim()));
  return quick ? [40, 150] : [40, 150, 1_000, 10_000];
}
