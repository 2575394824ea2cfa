import type { Rng } from './rng.js';

/**
 * Byte-level mutators of encoded protobuf requests: bit flips, interesting bytes, truncation,
 * duplication (protobuf merges repeated fields, so a duplicated tail is a valid but odd message),
 * insertion and deletion, splicing two messages, and protobuf-aware corruption of length prefixes,
 * varints and tags found by walking the wire format.
 *
 * @packageDocumentation
 */

/** A position in an encoded message: a varint (value or length) and what it is. */
interface WireSpot {
  /** Offset of the varint. */
  readonly at: number;
  /** Its length in bytes. */
  readonly len: number;
  readonly kind: 'tag' | 'length' | 'varint';
  /** For a length prefix: the payload length it announces. */
  readonly value: number;
}

function readVarint(b: Uint8Array, i: number): { value: number; next: number } | undefined {
  let value = 0;
  for (let shift = 0, k = i; k < b.length && shift < 70; shift += 7, k++) {
    value += (b[k]! & 0x7f) * 2 ** shift;
    if (b[k]! < 0x80) return { value, next: k + 1 };
  }
  return undefined;
}

/** Most spots {@link wireSpots} collects (enough to pick from; bounds the walk of large messages). */
const MAX_SPOTS = 10_000;

/**
 * The varints of an encoded message: tags, scalar varints and length prefixes, descending into
 * length-delimited payloads that themselves parse as messages. Stops quietly at malformed bytes.
 */
function wireSpots(b: Uint8Array, from = 0, to = b.length, depth = 0, out: WireSpot[] = []): WireSpot[] {
  let i = from;
  while (i < to && out.length < MAX_SPOTS) {
    const tag = readVarint(b, i);
    if (!tag || tag.next > to || tag.value < 8) return out;
    out.push({ at: i, len: tag.next - i, kind: 'tag', value: tag.value });
    i = tag.next;
    switch (tag.value % 8) {
      case 0: {
        const v = readVarint(b, i);
        if (!v || v.next > to) return out;
        out.push({ at: i, len: v.next - i, kind: 'varint', value: v.value });
        i = v.next;
        break;
      }
      case 1:
        i += 8;
        break;
      case 5:
        i += 4;
        break;
      case 2: {
        const v = readVarint(b, i);
        if (!v || v.next + v.value > to) return out;
        out.push({ at: i, len: v.next - i, kind: 'length', value: v.value });
        if (depth < 8 && v.value > 1) wireSpots(b, v.next, v.next + v.value, depth + 1, out);
        i = v.next + v.value;
        break;
      }
      default:
        return out;
    }
  }
  return out;
}

/** A varint encoding of a non-negative integer (up to 2^64 - 1), or 10 bytes of 0xff for `overflow`. */
function varint(n: bigint | 'overflow'): Uint8Array {
  if (n === 'overflow') return new Uint8Array(11).fill(0xff);
  const out: number[] = [];
  let v = n;
  while (v > 127n) {
    out.push(Number(v & 127n) | 128);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const splice = (b: Uint8Array, at: number, remove: number, insert: Uint8Array) => concat(b.subarray(0, at), insert, b.subarray(at + remove));

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x12, 0x1a, 0x22];

/** The byte mutation kinds (named in reproductions). */
type ByteMutation = 'bitflip' | 'interesting' | 'truncate' | 'duplicate' | 'insert' | 'delete' | 'splice' | 'length' | 'varint' | 'tag' | 'random' | 'empty';

/**
 * One random mutation of `input` (a valid encoded request); `other` is another valid message to
 * splice with. Returns the mutated bytes and the mutation's name.
 */
export function mutateBytes(rng: Rng, input: Uint8Array, other: Uint8Array): { bytes: Uint8Array; mutation: ByteMutation } {
  const b = Uint8Array.from(input);
  const spots = wireSpots(b);
  const pos = () => rng.int(0, Math.max(0, b.length - 1));
  const kind = rng.weighted<ByteMutation>([
    [3, 'bitflip'],
    [2, 'interesting'],
    [2, 'truncate'],
    [2, 'duplicate'],
    [1, 'insert'],
    [1, 'delete'],
    [1, 'splice'],
    [spots.some((s) => s.kind === 'length') ? 4 : 0, 'length'],
    [spots.some((s) => s.kind === 'varint') ? 2 : 0, 'varint'],
    [spots.length ? 2 : 0, 'tag'],
    [1, 'random'],
    [0.2, 'empty'],
  ]);
  const out = ((): Uint8Array => {
    if (b.length === 0 && kind !== 'random' && kind !== 'insert') return rng.bytes(rng.int(1, 16));
    switch (kind) {
      case 'bitflip':
        for (let n = rng.int(1, 8); n > 0; n--) b[pos()]! ^= 1 << rng.int(0, 7);
        return b;
      case 'interesting':
        for (let n = rng.int(1, 3); n > 0; n--) b[pos()] = rng.pick(INTERESTING);
        return b;
      case 'truncate':
        return b.subarray(0, rng.int(0, b.length - 1));
      case 'duplicate': {
        const from = pos();
        const to = rng.int(from, b.length);
        return rng.chance(0.5) ? concat(b, b) : splice(b, to, 0, b.subarray(from, to));
      }
      case 'insert':
        return splice(b, rng.int(0, b.length), 0, rng.bytes(rng.int(1, 32)));
      case 'delete': {
        const from = pos();
        return splice(b, from, rng.int(1, Math.max(1, b.length - from)), new Uint8Array(0));
      }
      case 'splice':
        return concat(b.subarray(0, rng.int(0, b.length)), other.subarray(rng.int(0, other.length)));
      case 'length': {
        const s = rng.pick(spots.filter((x) => x.kind === 'length'));
        const v = BigInt(s.value);
        const next = rng.pick<bigint | 'overflow'>([0n, v + 1n, v > 0n ? v - 1n : 1n, v * 2n + 7n, 127n, 128n, 2n ** 31n - 1n, 2n ** 32n - 1n, 2n ** 32n + 5n, 2n ** 63n, 2n ** 64n - 1n, 'overflow']);
        return splice(b, s.at, s.len, varint(next));
      }
      case 'varint': {
        const s = rng.pick(spots.filter((x) => x.kind === 'varint'));
        return splice(b, s.at, s.len, varint(rng.pick<bigint | 'overflow'>([0n, 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n, 'overflow'])));
      }
      case 'tag': {
        const s = rng.pick(spots.filter((x) => x.kind === 'tag'));
        const field = BigInt(Math.floor(s.value / 8));
        const next = rng.pick([(field << 3n) | BigInt(rng.int(0, 7)), (BigInt(rng.int(1, 40)) << 3n) | 2n, (2n ** 29n - 1n) << 3n, 0n]);
        return splice(b, s.at, s.len, varint(next));
      }
      case 'random':
        return rng.bytes(rng.size(512));
      case 'empty':
        return new Uint8Array(0);
    }
  })();
  return { bytes: out, mutation: kind };
}
