// Near-duplicate keys: a 64-bit SimHash of the text's word 3-gram shingles. Syndicated
// copies and lightly edited rewrites land within a few bits of each other (distance <= 3
// of 64 is the usual threshold for web pages); unrelated texts land about 32 bits apart.
// The 64 bits are split into four 16-bit bands: two keys within 3 bits share at least one
// band exactly, which is what the store indexes to find candidates without a scan.

const BANDS = 4;
export const NEAR_DUPLICATE_BITS = 3;

/** FNV-1a over the UTF-16 code units, with a seed, as an unsigned 32-bit number. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3's fmix32), so that nearby inputs spread over all bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** The SimHash of `text` as 16 hex digits, or null when it has too few words to say. */
export function simhash(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 8) return null;
  const weights = new Int32Array(64);
  for (let i = 0; i + 2 < words.length; i++) {
    const shingle = `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    const halves = [fnv1a(shingle, 0), fnv1a(shingle, 0x9e3779b9)];
    for (let half = 0; half < 2; half++) {
      const h = halves[half]!;
      for (let bit = 0; bit < 32; bit++) weights[half * 32 + bit]! += (h >>> bit) & 1 ? 1 : -1;
    }
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let b = 0; b < 4; b++) if (weights[nibble * 4 + b]! > 0) v |= 1 << b;
    hex += v.toString(16);
  }
  return hex;
}

/** Bits in which two SimHashes differ. */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}

/** The four bands of a SimHash: [band number, 16-bit value] pairs for the index. */
export function bands(hash: string): [number, number][] {
  return Array.from({ length: BANDS }, (_, i) => [i, parseInt(hash.slice(i * 4, i * 4 + 4), 16)] as [number, number]);
}

/** Similarity in [0, 1] from a Hamming distance over 64 bits. */
export const similarity = (distance: number) => 1 - distance / 64;
