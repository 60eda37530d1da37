/**
 * The one deterministic PRNG (mulberry32) of the demo generator, the benchmarks and the
 * randomised tests: the same seed gives the same stream, so resources/demo/ and every
 * synthetic cycle can be rebuilt byte for byte. Not for anything secret.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
