// A seeded pseudo-random generator for generated test and bench data (mulberry32: 32-bit
// integer arithmetic, a period of 2^32). The textbook LCG `seed * 1103515245 + 12345` on
// JavaScript numbers loses precision past 2^53 and fell into a cycle of about 10,000 draws.
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
