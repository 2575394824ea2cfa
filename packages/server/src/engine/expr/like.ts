/**
 * Milvus `like` patterns, matched without regular expressions and without backtracking.
 *
 * Semantics (segcore's `LikePatternMatcher` / `TranslatePatternMatchToRegex` in
 * `internal/core/src/common/RegexQuery.{h,cpp}`, fed by `translatePatternMatch` in
 * `internal/parser/planparserv2/pattern_match.go`): the whole value must match; `%` matches any
 * run of characters (newlines included), `_` exactly one character (one Unicode code point, as RE2
 * in UTF-8 mode and segcore's UTF-8 walk count it), a backslash makes the next character literal,
 * and everything else matches itself, case-sensitively. Consecutive `%` are one `%`. A backslash
 * at the very end stands for itself.
 *
 * How. The pattern is split at `%` into segments of literal text and `_`. The first segment must
 * match at the start, the last one at the end, and each middle one is taken at its leftmost
 * occurrence after the previous one (taking the leftmost occurrence never loses a match, so nothing
 * is ever retried). Segments without `_` use `startsWith` / `endsWith` / `indexOf`, so prefix
 * (`abc%`), suffix (`%abc`), infix (`%abc%`) and exact patterns cost one native string operation.
 * The worst case, middle segments with `_`, is O(n·m) for a value of n and a pattern of m
 * characters.
 *
 * @packageDocumentation
 */

/** A run of literal text, or a number of `_` (that many code points, whatever they are). */
type Atom = string | number;

/** The text between two `%`: literal runs and `_` counts, in order. */
interface Segment {
  atoms: Atom[];
  /** The literal text when the segment has no `_`, else `null`. */
  plain: string | null;
}

/**
 * Compiles a `like` pattern into a predicate over strings.
 *
 * @param pattern - the pattern with its string-literal escapes already decoded (`decodeString`), so
 *   `\%` here is the two characters backslash and percent. A lone surrogate in it stands for
 *   U+FFFD, as it does once the pattern has been through UTF-8 on its way to Milvus.
 * @returns whether a whole string matches; a lone surrogate in the string counts as one character.
 */
export function likeMatcher(pattern: string): (s: string) => boolean {
  const segments = splitPattern(pattern);
  const first = segments[0]!;
  if (segments.length === 1) {
    const exact = first.plain;
    if (exact !== null) return (s) => s === exact;
    return (s) => matchForward(first.atoms, s, 0) === s.length;
  }
  const last = segments[segments.length - 1]!;
  const middles = segments.slice(1, -1).filter((m) => m.atoms.length > 0);
  if (first.plain !== null && last.plain !== null) {
    const prefix = first.plain;
    const suffix = last.plain;
    if (middles.length === 0) {
      const min = prefix.length + suffix.length;
      return (s) => s.length >= min && s.startsWith(prefix) && s.endsWith(suffix);
    }
    const infix = middles[0]!.plain;
    if (middles.length === 1 && infix !== null && prefix === '' && suffix === '') return (s) => s.includes(infix);
  }
  return (s) => {
    let at = matchForward(first.atoms, s, 0);
    if (at < 0) return false;
    const end = matchBackward(last.atoms, s, s.length);
    if (end < at) return false;
    for (const m of middles) {
      at = findSegment(m, s, at, end);
      if (at < 0) return false;
    }
    return true;
  };
}

function splitPattern(pattern: string): Segment[] {
  const segments: Segment[] = [];
  let atoms: Atom[] = [];
  let literal = '';
  let plain = true;
  const flushLiteral = (): void => {
    if (literal !== '') atoms.push(literal);
    literal = '';
  };
  const chars = Array.from(pattern, (ch) => (isSurrogate(ch.charCodeAt(0)) && ch.length === 1 ? '\ufffd' : ch));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) {
      literal += chars[++i]!;
    } else if (ch === '%') {
      flushLiteral();
      segments.push({ atoms, plain: plain ? joinPlain(atoms) : null });
      atoms = [];
      plain = true;
    } else if (ch === '_') {
      flushLiteral();
      const prev = atoms[atoms.length - 1];
      if (typeof prev === 'number') atoms[atoms.length - 1] = prev + 1;
      else atoms.push(1);
      plain = false;
    } else {
      literal += ch;
    }
  }
  flushLiteral();
  segments.push({ atoms, plain: plain ? joinPlain(atoms) : null });
  return segments;
}

function joinPlain(atoms: readonly Atom[]): string {
  return atoms.length === 0 ? '' : (atoms[0] as string);
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** Code units of the code point starting at `i` (a high surrogate followed by a low one is one). */
function widthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Code units of the code point ending at `end`. */
function widthBefore(s: string, end: number): number {
  const c = s.charCodeAt(end - 1);
  if (c < 0xdc00 || c > 0xdfff || end < 2) return 1;
  const d = s.charCodeAt(end - 2);
  return d >= 0xd800 && d <= 0xdbff ? 2 : 1;
}

/** Matches the atoms from `at`; the end offset, or -1. */
function matchForward(atoms: readonly Atom[], s: string, at: number): number {
  let i = at;
  for (const atom of atoms) {
    if (typeof atom === 'string') {
      if (!s.startsWith(atom, i)) return -1;
      i += atom.length;
    } else {
      for (let k = 0; k < atom; k++) {
        if (i >= s.length) return -1;
        i += widthAt(s, i);
      }
    }
  }
  return i;
}

/** Matches the atoms so that they end at `end`; the start offset, or -1. */
function matchBackward(atoms: readonly Atom[], s: string, end: number): number {
  let i = end;
  for (let a = atoms.length - 1; a >= 0; a--) {
    const atom = atoms[a]!;
    if (typeof atom === 'string') {
      i -= atom.length;
      if (i < 0 || !s.startsWith(atom, i)) return -1;
    } else {
      for (let k = 0; k < atom; k++) {
        if (i <= 0) return -1;
        i -= widthBefore(s, i);
      }
    }
  }
  return i;
}

/**
 * The end of the leftmost match of a middle segment that starts at or after `from` and ends by
 * `limit`, or -1. A later start never ends earlier, so the leftmost match is the only candidate.
 */
function findSegment(seg: Segment, s: string, from: number, limit: number): number {
  if (seg.plain !== null) {
    const p = s.indexOf(seg.plain, from);
    return p < 0 || p + seg.plain.length > limit ? -1 : p + seg.plain.length;
  }
  const lead = seg.atoms[0]!;
  let p = from;
  while (p < limit) {
    if (typeof lead === 'string') {
      p = s.indexOf(lead, p);
      if (p < 0) return -1;
    }
    const end = matchForward(seg.atoms, s, p);
    if (end >= 0) return end <= limit ? end : -1;
    p += widthAt(s, p);
  }
  return -1;
}
