import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MilvusError } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { parseFilter, type FilterSchema } from '../src/engine/expr/index.js';
import { seededRandom } from './random.js';

const schema: FilterSchema = {
  dynamic: true,
  fields: [
    { name: 'id', type: 'Int64' },
    { name: 'age', type: 'Int32' },
    { name: 'i8', type: 'Int8' },
    { name: 'name', type: 'VarChar', id: 103 },
    { name: 'score', type: 'Float' },
    { name: 'price', type: 'Double' },
    { name: 'flag', type: 'Bool' },
    { name: 'j', type: 'JSON' },
    { name: 'tags', type: 'Array', elementType: 'VarChar' },
    { name: 'nums', type: 'Array', elementType: 'Int64' },
    { name: 'fl', type: 'Array', elementType: 'Double' },
    { name: 'n', type: 'Int64', nullable: true },
    { name: 'nj', type: 'JSON', nullable: true },
    { name: 'doc', type: 'VarChar', enableMatch: true },
    { name: 'vec', type: 'FloatVector' },
    { name: 'bvec', type: 'BinaryVector' },
  ],
};
const noDynamic: FilterSchema = { ...schema, dynamic: false };

const row = {
  id: 9007199254740993n, // 2^53 + 1: not representable as a double
  age: 30,
  i8: -5,
  name: 'alice_100%',
  score: 0.1, // a float32 field holding 0.1
  price: 19.99,
  flag: true,
  j: { a: 1, b: 'x', f: 2.5, arr: [1, 2, 3], nested: { k: [10, { deep: 'y' }] }, t: true, nil: null, strs: ['p', 'q'], mixed: [1, 'a', [1, 2]] },
  tags: ['red', 'green'],
  nums: [1n, 2n, 3n],
  fl: [0.5, 1.5],
  n: null,
  nj: null,
  doc: 'The quick brown fox jumps over the lazy dog',
  vec: [0.1, 0.2],
  $meta: { color: 'red', size: 3, ratio: 0.75, meta_arr: ['x', 'y'], obj: { z: 1 } },
};

const cases: [string, boolean][] = [
  // literals and comparisons
  ['id == 9007199254740993', true],
  ['id == 9007199254740992', false],
  ['id > 9007199254740992', true],
  ['id >= 0x20000000000001', true],
  ['age == 30', true],
  ['age != 30', false],
  ['age == 036', true], // octal
  ['age == 0x1E', true],
  ['age == 0b11110', true],
  ['age > 29 && age < 31', true],
  ['price >= 19.99', true],
  ['30 == age', true],
  ['31 > age', true],
  ['i8 < 1000', true],
  ['i8 == -5', true],
  ['price > 19.98', true],
  ['price == 1.999e1', true],
  ['price < 20', true],
  ['score == 0.1', true],
  ['score > 0.1', false],
  ['name == "alice_100%"', true],
  ["name == 'alice_100%'", true],
  ['name > "alice"', true],
  ['name != "bob"', true],
  ['flag == true', true],
  ['flag == True', true],
  ['flag != TRUE', false],
  ['flag == false', false],
  // arithmetic
  ['age + 2 == 32', true],
  ['age - 2 == 28', true],
  ['age * 2 == 60', true],
  ['age / 7 == 4', true], // integer division truncates
  ['age % 7 == 2', true],
  ['age % 2 == 0', true],
  ['2 * age == 60', true],
  ['2 + age > 31', true],
  ['id % 2 == 1', true],
  ['id + 1 == 9007199254740994', true],
  ['price * 2 > 39.9', true],
  ['j["a"] + 1 == 2', true],
  ['j["f"] * 2 == 5', true],
  ['j["missing"] + 1 == 2', false],
  ['j["missing"] + 1 != 2', true],
  ['age == 25 + 5', true],
  ['price > 2 ** 4', true],
  ['price == 2 ** 2 * 5 - 0.01', true],
  ['age == -(-30)', true],
  ['age > -1', true],
  // ranges
  ['1 < age < 31', true],
  ['30 < age < 31', false],
  ['30 <= age <= 30', true],
  ['31 > age > 29', true],
  ['31 >= age >= 30', true],
  ['"a" < name < "b"', true],
  ['0 < j["a"] <= 1', true],
  ['0 < j["b"] <= 1', false],
  ['0 < size < 5', true],
  ['0 < nums[1] < 3', true],
  // in / not in
  ['age in [1, 30, 50]', true],
  ['age in [1, 2]', false],
  ['age not in [1, 2]', true],
  ['age not in [30]', false],
  ['id in [9007199254740993]', true],
  ['name in ["bob", "alice_100%"]', true],
  ['price in [19.99]', true],
  ['j["a"] in [1, "x"]', true],
  ['j["b"] in [1, "x"]', true],
  ['j["missing"] in [1]', false],
  ['j["missing"] not in [1]', true],
  ['color in ["red", "blue"]', true],
  ['tags[0] in ["red"]', true],
  ['age in []', false],
  // like
  ['name like "ali%"', true],
  ['name like "%100%"', true],
  ['name like "%\\\\%"', true], // pattern %\% : ends with a literal %
  ['name like "alice\\\\_%"', true],
  ['name like "a_ice%"', true],
  ['name like "%ce"', false],
  ['name like "ALI%"', false],
  ['name LIKE "%lic%"', true],
  ['j["b"] like "x"', true],
  ['j["a"] like "1"', false],
  ['color like "r%"', true],
  ['tags[1] like "gr%"', true],
  // logical operators and precedence
  ['age == 30 and name == "bob"', false],
  ['age == 30 or name == "bob"', true],
  ['age == 30 AND flag == true', true],
  ['age == 1 OR flag == true', true],
  ['age == 1 || age == 30 && flag == false', false],
  ['(age == 1 || age == 30) && flag == true', true],
  ['not (age == 30)', false],
  ['NOT (age == 1)', true],
  ['!(age == 1)', true],
  ['not not (age == 30)', true],
  // JSON paths
  ['j["a"] == 1', true],
  ['j["a"] == 1.0', true],
  ['j["f"] == 2.5', true],
  ['j["f"] > 2', true],
  ['j["b"] == "x"', true],
  ["j['b'] == 'x'", true],
  ['j["t"] == true', true],
  ['j["arr"][0] == 1', true],
  ['j["arr"][5] == 1', false],
  ['j["arr"]["0"] == 1', true],
  ['j["nested"]["k"][1]["deep"] == "y"', true],
  ['j["arr"] == [1, 2, 3]', true],
  ['j["arr"] != [1, 2]', true],
  ['j["a"] == "1"', false],
  ['j["a"] != "1"', true],
  ['j["b"] > 1', false],
  ['j["missing"] == 1', false],
  ['j["missing"] != 1', true],
  ['j["nil"] == 1', false],
  ['j["nil"] != 1', true],
  ['not (j["missing"] == 1)', true],
  // dynamic fields
  ['color == "red"', true],
  ['color != "red"', false],
  ['size == 3', true],
  ['size > 2.5', true],
  ['ratio < 1', true],
  ['unknown_key == 1', false],
  ['unknown_key != 1', true],
  ['$meta["color"] == "red"', true],
  ['obj["z"] == 1', true],
  // exists / null
  ['exists j["a"]', true],
  ['exists j["missing"]', false],
  ['exists j["nil"]', true],
  ['EXISTS color', true],
  ['exists nope', false],
  ['n is null', true],
  ['n IS NULL', true],
  ['n is not null', false],
  ['age is null', false],
  ['age is not null', true],
  ['j["a"] is null', false],
  ['j["missing"] is null', true],
  ['j["a"] is not null', true],
  ['n == 1', false],
  ['n != 1', false],
  ['not (n == 1)', false], // null stays unknown under not
  ['n == 1 or age == 30', true],
  ['not (n == 1 and age == 1)', true], // unknown and false = false
  ['nj["a"] == 1', false],
  ['not (nj["a"] == 1)', false],
  ['n in [1]', false],
  ['n not in [1]', false],
  // arrays
  ['tags[0] == "red"', true],
  ['tags[2] == "red"', false],
  ['tags[2] != "red"', false],
  ['nums[0] + 1 == 2', true],
  ['nums == [1, 2, 3]', true],
  ['nums != [1, 2, 3]', false],
  ['fl[1] == 1.5', true],
  ['array_contains(tags, "red")', true],
  ['array_contains(tags, "blue")', false],
  ['ARRAY_CONTAINS(nums, 2)', true],
  ['array_contains_all(nums, [1, 3])', true],
  ['array_contains_all(nums, [1, 4])', false],
  ['array_contains_any(nums, [4, 3])', true],
  ['array_contains_any(nums, [4, 5])', false],
  ['array_contains(fl, 1.5)', true],
  ['array_contains(fl, 1)', false],
  ['array_length(tags) == 2', true],
  ['array_length(nums) > 2', true],
  ['array_length(j["arr"]) == 3', true],
  ['array_length(j["a"]) == 1', false],
  ['array_length(meta_arr) == 2', true],
  // json_contains
  ['json_contains(j["arr"], 2)', true],
  ['json_contains(j["arr"], 2.0)', true],
  ['json_contains(j["arr"], 4)', false],
  ['json_contains(j["strs"], "q")', true],
  ['json_contains(j["mixed"], [1, 2])', true],
  ['json_contains(j["a"], 1)', false],
  ['json_contains_all(j["arr"], [1, 2])', true],
  ['json_contains_all(j["arr"], [1, 5])', false],
  ['json_contains_any(j["arr"], [5, 3])', true],
  ['json_contains_any(j["mixed"], ["a", 9])', true],
  ['JSON_CONTAINS(meta_arr, "y")', true],
  ['json_contains(missing_key, 1)', false],
  // text match
  ['text_match(doc, "fox cat")', true],
  ['text_match(doc, "cat")', false],
  ['TEXT_MATCH(doc, "QUICK")', true],
  ['phrase_match(doc, "quick brown")', true],
  ['phrase_match(doc, "quick fox")', false],
  ['phrase_match(doc, "quick fox", 1)', true],
  // string escapes
  ['name == "alice\\u005f100%"', true],
  ['name == "alice\\x5f100\\045"', true],
  ["name != 'it\\'s'", true],
  ['color == "r\\145d"', true],
  // whitespace, newlines and keyword-like identifiers
  ['  age\n==\t30  ', true],
  ['age==30&&flag==true', true],
];

describe('parseFilter: evaluation table', () => {
  for (const [expr, expected] of cases) {
    it(expr, () => {
      expect(parseFilter(expr, schema).evaluate(row)).toBe(expected);
    });
  }

  it('accepts a trailing comma in lists', () => {
    expect(parseFilter('age in [1, 30, ]', schema).evaluate(row)).toBe(true);
  });

  it('treats an empty or blank expression as match-all', () => {
    expect(parseFilter('', schema).evaluate(row)).toBe(true);
    expect(parseFilter('   ', schema).fields).toEqual([]);
  });

  it('reports the fields it reads', () => {
    expect(parseFilter('age > 1 and j["a"] == 1 or color == "x" or age < 0', schema).fields).toEqual(['age', 'j', '$meta']);
  });

  it('reads Int64 values given as numbers and Int32 values given as bigints', () => {
    const f = parseFilter('id == 7 and age == 3', schema);
    expect(f.evaluate({ id: 7, age: 3n })).toBe(true);
  });

  it('fills template variables', () => {
    const f = parseFilter('age > {lo} and name in {names} and price < {p} and flag == {b}', schema, { lo: 20, names: ['alice_100%'], p: 20.5, b: true });
    expect(f.evaluate(row)).toBe(true);
    expect(parseFilter('id == {id}', schema, { id: 9007199254740993n }).evaluate(row)).toBe(true);
    expect(parseFilter('{ lo } < age < {hi}', schema, { lo: 1, hi: 31 }).evaluate(row)).toBe(true);
    expect(parseFilter('json_contains_any(j["arr"], {xs})', schema, { xs: [7, 3] }).evaluate(row)).toBe(true);
    expect(parseFilter('price == {p}', schema, { p: { t: 'float', v: 19.99 } }).evaluate(row)).toBe(true);
  });

  it('treats a missing $meta as an empty object', () => {
    expect(parseFilter('color == "red"', schema).evaluate({ age: 1 })).toBe(false);
    expect(parseFilter('color != "red"', schema).evaluate({ age: 1 })).toBe(true);
  });

  it('parses deep nesting without blowing up and rejects absurd depth with a MilvusError', () => {
    const deep = '('.repeat(200) + 'age == 30' + ')'.repeat(200);
    expect(parseFilter(deep, schema).evaluate(row)).toBe(true);
    const absurd = '('.repeat(50_000) + 'age == 30' + ')'.repeat(50_000);
    expect(() => parseFilter(absurd, schema)).toThrow(MilvusError);
  });

  it('is fast on long flat expressions', () => {
    const expr = Array.from({ length: 2000 }, (_, i) => `age == ${i}`).join(' or ');
    const t0 = performance.now();
    const f = parseFilter(expr, schema);
    expect(f.evaluate(row)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

const errors: [string, string, FilterSchema?][] = [
  // syntax
  ['age ==', 'line 1:6 mismatched input \'<EOF>\''],
  ['age == == 1', 'line 1:7 mismatched input \'=\''],
  ['(age == 1', 'line 1:9 mismatched input \'<EOF>\''],
  ['age = 1', 'line 1:4'],
  ['in == 1', 'line 1:0'],
  ['age == 1 extra', 'line 1:9'],
  ['age == "unterminated', 'line 1:7'],
  ['j ["a"] == 1', 'line 1:2'],
  // names
  ['nope == 1', 'field nope not exist', noDynamic],
  ['nope["a"] == 1', 'field nope not exist', noDynamic],
  ['$meta["a"] == 1', 'field $meta not exist', noDynamic],
  ['age["a"] == 1', 'Int32 data type not supported accessed with []'],
  ['tags["a"] == "x"', 'can only access array field with integer index'],
  ['j[""] == 1', 'invalid identifier: j[""]'],
  // types
  ['name == 1', 'comparisons between VarChar and Int64 are not supported'],
  ['age == "a"', 'comparisons between Int32 and VarChar are not supported'],
  ['flag == 1', 'comparisons between Bool and Int64 are not supported'],
  ['vec == 1', 'comparisons between FloatVector and Int64 are not supported'],
  ['bvec in [1]', "value 'int64_val:1' in list cannot be casted to BinaryVector"],
  ['age > 1.5', 'cannot cast value to Int32, value: float_val:1.5'],
  ['age in [1, "a"]', "value 'string_val:\"a\"' in list cannot be casted to Int32"],
  ['tags > 1', 'can not comparisons array fields directly'],
  ['nums == 1', 'cannot cast value to Array, value: int64_val:1'],
  ['age < name', 'comparisons between Int32 and VarChar are not supported'],
  ['j["a"] < color', 'two column comparison with JSON type is not supported'],
  ['name like 1', "line 1:10 mismatched input '1'"],
  ['age like "1%"', 'like operation on non-string or no-json field is unsupported'],
  ['name like "a\\%"', 'invalid syntax'],
  ['1 in [1]', "'term' can only be used on non-const expression, but got: 1"],
  ['age + 1 in [1]', "'term' can only be used on single field, but got: age+1"],
  ['age in 1', "the right-hand side of 'in' must be a list, but got: 1"],
  ['age in [age]', 'array element type must be generic value, but got: age'],
  ['age + price == 1', 'cannot perform arithmetic between Int32 field and Double'],
  ['age + 1.5 == 1', 'cannot perform arithmetic between Int32 field and Double'],
  ['price % 2 == 1', 'modulo can only apply on integer types'],
  ['age / 0 == 1', 'division or modulus by zero'],
  ['age % 0 == 1', 'division or modulus by zero'],
  ['2 - age == 1', 'module field is not yet supported'],
  ['age + id == 1', 'not supported to do arithmetic operations between multiple fields'],
  ['(age + 1) * 2 == 1', 'complicated arithmetic operations are not supported'],
  ['age ** 2 == 1', 'power can only apply on constants: age**2'],
  ['age & 1 == 1', 'BitAnd is not supported'],
  ['age | 1 == 1', 'BitOr is not supported'],
  ['age ^ 1 == 1', 'BitXor is not supported'],
  ['age << 1 == 1', 'shift is not supported'],
  ['-age == 1', 'unexpected op: -'],
  ['not age == 1', 'not op can only be applied on boolean expression'],
  ['age == 1 and 1', "'and' can only be used between boolean expressions"],
  ['age == 1 or true', "'or' can only be used between boolean expressions"],
  ['1 == "a"', 'comparison operations cannot be applied to two incompatible operands: 1=="a"'],
  ['5 < age < 1', 'invalid range: lowerbound is greater than upperbound'],
  ['1 < age < name', 'upperbound cannot be a non-const expression: name'],
  ['"a" < age < "b"', 'invalid range operations'],
  ['exists age', 'exists operations are only supportted on json field, got:Int32'],
  ['exists j', 'exists operations are only supportted on json key'],
  ['exists (age + 1)', 'exists operations are only supported on single fields now, got: (age+1)'],
  ['json_contains(age, 1)', 'contains operation are only supported on json or array fields now, got: age'],
  ['json_contains(j, age)', 'contains operation are only supported explicitly specified element, got: age'],
  ['json_contains_all(j["arr"], 1)', 'ContainsAll operation element must be an array'],
  ['array_contains(nums, "a")', 'cannot cast value to Int64, value: string_val:"a"'],
  ['array_contains_any(nums, ["a"])', "ContainsAny operation can't compare between array element type: Int64 and VarChar"],
  ['array_length(age) == 1', 'array_length operation are only supported on json or array fields now, got: array_length(age)'],
  ['text_match(name, "a")', 'field 103 does not enable text match'],
  ['age == 9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
  ['price == 1e400', 'strconv.ParseFloat: parsing "1e400": value out of range'],
  ['age == 2 ** 5', 'cannot cast value to Int32, value: float_val:32'],
  ['{x} + 1 == age', 'placeholder was not supported between two constants with operator: +'],
];

describe('parseFilter: errors', () => {
  for (const [expr, detail, s] of errors) {
    it(expr, () => {
      let caught: unknown;
      try {
        parseFilter(expr, s ?? schema, { x: 1 });
      } catch (e) {
        caught = e;
      }
      expect(MilvusError.is(caught)).toBe(true);
      const err = caught as MilvusError;
      expect(err.code).toBe(1100);
      expect(err.errorCode).toBe('IllegalArgument');
      const prefix = `failed to create query plan: cannot parse expression: ${expr}, error: `;
      expect(err.reason.startsWith(prefix)).toBe(true);
      expect(err.reason.slice(prefix.length)).toContain(detail);
      expect(err.reason.endsWith(': invalid parameter')).toBe(true);
    });
  }

  it('reports non-boolean predicates without the parse prefix', () => {
    for (const [expr, type] of [['age', 'Int32'], ['flag', 'Bool'], ['true', 'Bool'], ['1 == 1', 'Bool'], ['age + 1', 'Int64'], ['color', 'JSON']] as const) {
      expect(() => parseFilter(expr, schema)).toThrowError(
        expect.objectContaining({ code: 1100, reason: `failed to create query plan: predicate is not a boolean expression: ${expr}, data type: ${type}: invalid parameter` }),
      );
    }
  });

  it('reports a missing template value', () => {
    expect(() => parseFilter('age > {lo}', schema, {})).toThrowError(
      expect.objectContaining({ reason: 'failed to create query plan: the value of expression template variable name {lo} is not found: invalid parameter' }),
    );
  });

  it('never lets anything but a MilvusError escape on junk input', () => {
    const rnd = seededRandom(7);
    const alphabet = ['a', 'g', 'e', ' ', '(', ')', '[', ']', '"', "'", '\\', '=', '<', '>', '!', '&', '|', '1', '0x', '.', 'e', 'not ', 'in ', 'and ', 'like ', ',', '{', '}', '%', '$meta', 'j', '*'];
    for (let i = 0; i < 500; i++) {
      let text = '';
      const len = 1 + Math.floor(rnd() * 20);
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      try {
        parseFilter(text, schema, { x: 1 }).evaluate(row);
      } catch (e) {
        expect(MilvusError.is(e), text).toBe(true);
      }
    }
  });
});

describe('generated parser', () => {
  it('is up to date with filter.peggy (run `pnpm --filter @mvkit/server gen:expr`)', async () => {
    const script = fileURLToPath(new URL('../scripts/gen-expr.mjs', import.meta.url));
    const mod = (await import(pathToFileURL(script).href)) as { generateParserSource(): string; parserPath: string };
    expect(readFileSync(mod.parserPath, 'utf8') === mod.generateParserSource()).toBe(true);
  });
});

// ---- property test: random expressions against an independent reference evaluator ----------


type Lit = { t: 'int'; v: bigint } | { t: 'float'; v: number } | { t: 'str'; v: string } | { t: 'bool'; v: boolean };
type Ref = { kind: 'field'; name: 'big' | 'small' | 'dbl' | 'str' | 'bool' } | { kind: 'json'; key: string } | { kind: 'dyn'; key: string } | { kind: 'nul' };
type Op = '==' | '!=' | '<' | '<=' | '>' | '>=';
type P =
  | { k: 'cmp'; ref: Ref; op: Op; lit: Lit; litLeft: boolean }
  | { k: 'range'; ref: Ref; lo: Lit; loInc: boolean; hi: Lit; hiInc: boolean; reverse: boolean }
  | { k: 'in'; ref: Ref; not: boolean; lits: Lit[] }
  | { k: 'like'; pattern: string }
  | { k: 'mod'; m: bigint; op: Op; r: bigint }
  | { k: 'add'; c: bigint; op: Op; v: bigint }
  | { k: 'contains'; mode: 'one' | 'all' | 'any'; vals: bigint[] }
  | { k: 'alen'; op: Op; v: bigint }
  | { k: 'isnull'; not: boolean }
  | { k: 'exists'; ref: Ref }
  | { k: 'and' | 'or'; a: P; b: P }
  | { k: 'not'; a: P };

const propSchema: FilterSchema = {
  dynamic: true,
  fields: [
    { name: 'big', type: 'Int64' },
    { name: 'small', type: 'Int16' },
    { name: 'dbl', type: 'Double' },
    { name: 'str', type: 'VarChar' },
    { name: 'bool', type: 'Bool' },
    { name: 'js', type: 'JSON' },
    { name: 'arr', type: 'Array', elementType: 'Int64' },
    { name: 'nul', type: 'Int32', nullable: true },
  ],
};

const BIG_BASE = 2n ** 62n;
const WORDS = ['ab', 'abc', 'b_c', 'a%c', 'xyz', '', 'aa'];
const JKEYS = ['a', 'b', 'c'];

function genRow(rnd: () => number): Record<string, unknown> {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const jsonValue = (): unknown => pick([() => Math.floor(rnd() * 7) - 3, () => Math.floor(rnd() * 8) / 2 - 2, () => pick(WORDS), () => rnd() < 0.5, () => null, () => [1, 2]])();
  const obj = (): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (const k of JKEYS) if (rnd() < 0.7) o[k] = jsonValue();
    return o;
  };
  return {
    big: BIG_BASE + BigInt(Math.floor(rnd() * 7) - 3),
    small: Math.floor(rnd() * 11) - 5,
    dbl: Math.floor(rnd() * 12) / 4 - 1.5,
    str: pick(WORDS),
    bool: rnd() < 0.5,
    js: obj(),
    arr: Array.from({ length: Math.floor(rnd() * 4) }, () => BigInt(Math.floor(rnd() * 5))),
    nul: rnd() < 0.4 ? null : Math.floor(rnd() * 5) - 2,
    $meta: obj(),
  };
}

function genPred(rnd: () => number, depth: number): P {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number): bigint => BigInt(lo + Math.floor(rnd() * (hi - lo + 1)));
  const ops: Op[] = ['==', '!=', '<', '<=', '>', '>='];
  if (depth > 0 && rnd() < 0.45) {
    const r = rnd();
    if (r < 0.4) return { k: 'and', a: genPred(rnd, depth - 1), b: genPred(rnd, depth - 1) };
    if (r < 0.8) return { k: 'or', a: genPred(rnd, depth - 1), b: genPred(rnd, depth - 1) };
    return { k: 'not', a: genPred(rnd, depth - 1) };
  }
  const anyLit = (): Lit => pick<() => Lit>([
    () => ({ t: 'int', v: int(-3, 3) }),
    () => ({ t: 'float', v: Math.floor(rnd() * 8) / 2 - 2 }),
    () => ({ t: 'str', v: pick(WORDS) }),
    () => ({ t: 'bool', v: rnd() < 0.5 }),
  ])();
  const refLit = (ref: Ref): Lit => {
    if (ref.kind === 'json' || ref.kind === 'dyn') return anyLit();
    if (ref.kind === 'nul') return { t: 'int', v: int(-3, 3) };
    switch (ref.name) {
      case 'big': return { t: 'int', v: BIG_BASE + int(-4, 4) };
      case 'small': return { t: 'int', v: int(-6, 6) };
      case 'dbl': return rnd() < 0.5 ? { t: 'int', v: int(-2, 2) } : { t: 'float', v: Math.floor(rnd() * 12) / 4 - 1.5 };
      case 'str': return { t: 'str', v: pick(WORDS) };
      case 'bool': return { t: 'bool', v: rnd() < 0.5 };
    }
  };
  const anyRef = (): Ref => pick<Ref>([
    { kind: 'field', name: 'big' }, { kind: 'field', name: 'small' }, { kind: 'field', name: 'dbl' },
    { kind: 'field', name: 'str' }, { kind: 'field', name: 'bool' }, { kind: 'nul' },
    { kind: 'json', key: pick(JKEYS) }, { kind: 'dyn', key: pick(JKEYS) },
  ]);
  const numRef = (): Ref => pick<Ref>([
    { kind: 'field', name: 'big' }, { kind: 'field', name: 'small' }, { kind: 'field', name: 'dbl' }, { kind: 'nul' },
    { kind: 'json', key: pick(JKEYS) }, { kind: 'dyn', key: pick(JKEYS) },
  ]);
  switch (Math.floor(rnd() * 10)) {
    case 0:
    case 1: {
      const ref = anyRef();
      const lit = refLit(ref);
      const boolish = (ref.kind === 'field' && ref.name === 'bool') || lit.t === 'bool';
      return { k: 'cmp', ref, op: boolish ? pick<Op>(['==', '!=']) : pick(ops), lit, litLeft: rnd() < 0.3 };
    }
    case 2: {
      const ref = numRef();
      let a = refLit(ref);
      let b = refLit(ref);
      if (ref.kind === 'json' || ref.kind === 'dyn') {
        a = { t: 'int', v: int(-3, 0) };
        b = { t: 'float', v: Math.floor(rnd() * 6) / 2 };
      }
      const num = (l: Lit): number => (l.t === 'int' ? Number(l.v - (ref.kind === 'field' && ref.name === 'big' ? BIG_BASE : 0n)) : l.t === 'float' ? l.v : 0);
      if (num(a) > num(b)) [a, b] = [b, a];
      const strict = num(a) === num(b);
      return { k: 'range', ref, lo: a, loInc: strict || rnd() < 0.5, hi: b, hiInc: strict || rnd() < 0.5, reverse: rnd() < 0.5 };
    }
    case 3: {
      const ref = anyRef();
      const lits = Array.from({ length: Math.floor(rnd() * 4) }, () => refLit(ref));
      return { k: 'in', ref, not: rnd() < 0.5, lits };
    }
    case 4:
      return { k: 'like', pattern: pick(['a%', '%c', '%b%', 'a_c', 'ab', '%', '_', 'a\\%c', 'b\\_c', '%\\%%']) };
    case 5:
      return rnd() < 0.5
        ? { k: 'mod', m: int(1, 4), op: pick(ops), r: int(-1, 3) }
        : { k: 'add', c: int(-3, 3), op: pick(ops), v: int(-5, 5) };
    case 6:
      {
      const mode = pick(['one', 'all', 'any'] as const);
      return { k: 'contains', mode, vals: Array.from({ length: mode === 'one' ? 1 : Math.floor(rnd() * 4) }, () => int(0, 5)) };
    }
    case 7:
      return { k: 'alen', op: pick(ops), v: int(0, 4) };
    case 8:
      return { k: 'isnull', not: rnd() < 0.5 };
    default:
      return { k: 'exists', ref: rnd() < 0.5 ? { kind: 'json', key: pick(JKEYS) } : { kind: 'dyn', key: pick(JKEYS) } };
  }
}

// -- printing (with random spellings) --

function printLit(l: Lit, rnd: () => number): string {
  switch (l.t) {
    case 'int':
      if (l.v >= 0n && rnd() < 0.25) return '0x' + l.v.toString(16);
      return l.v < 0n ? `(${l.v})` : String(l.v);
    case 'float': {
      const s = Number.isInteger(l.v) ? `${l.v}.0` : String(l.v);
      return l.v < 0 ? `(${s})` : s;
    }
    case 'str': return rnd() < 0.5 ? JSON.stringify(l.v) : `'${l.v}'`;
    case 'bool': return rnd() < 0.5 ? String(l.v) : l.v ? 'True' : 'FALSE';
  }
}

function printRef(r: Ref): string {
  switch (r.kind) {
    case 'field': return r.name;
    case 'nul': return 'nul';
    case 'json': return `js["${r.key}"]`;
    case 'dyn': return r.key;
  }
}

function printPred(p: P, rnd: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  switch (p.k) {
    case 'cmp': {
      const flip: Record<Op, Op> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
      return p.litLeft ? `${printLit(p.lit, rnd)} ${flip[p.op]} ${printRef(p.ref)}` : `${printRef(p.ref)} ${p.op} ${printLit(p.lit, rnd)}`;
    }
    case 'range':
      return p.reverse
        ? `${printLit(p.hi, rnd)} ${p.hiInc ? '>=' : '>'} ${printRef(p.ref)} ${p.loInc ? '>=' : '>'} ${printLit(p.lo, rnd)}`
        : `${printLit(p.lo, rnd)} ${p.loInc ? '<=' : '<'} ${printRef(p.ref)} ${p.hiInc ? '<=' : '<'} ${printLit(p.hi, rnd)}`;
    case 'in':
      return `${printRef(p.ref)} ${p.not ? pick(['not in', 'NOT IN', 'not  in']) : pick(['in', 'IN'])} [${p.lits.map((l) => printLit(l, rnd)).join(', ')}]`;
    case 'like':
      return `str ${pick(['like', 'LIKE'])} "${p.pattern.replaceAll('\\', '\\\\')}"`;
    case 'mod':
      return `big % ${p.m} ${p.op} ${p.r < 0n ? `(${p.r})` : p.r}`;
    case 'add':
      return rnd() < 0.5 ? `small + ${p.c < 0n ? `(${p.c})` : p.c} ${p.op} ${p.v < 0n ? `(${p.v})` : p.v}` : `${p.c < 0n ? `(${p.c})` : p.c} + small ${p.op} ${p.v < 0n ? `(${p.v})` : p.v}`;
    case 'contains': {
      if (p.mode === 'one') return `array_contains(arr, ${p.vals[0]})`;
      return `array_contains_${p.mode}(arr, [${p.vals.join(', ')}])`;
    }
    case 'alen':
      return `array_length(arr) ${p.op} ${p.v}`;
    case 'isnull':
      return p.not ? `nul ${pick(['is not null', 'IS NOT NULL'])}` : `nul ${pick(['is null', 'IS NULL'])}`;
    case 'exists':
      return `${pick(['exists', 'EXISTS'])} ${printRef(p.ref)}`;
    case 'and':
      return `(${printPred(p.a, rnd)}) ${pick(['and', '&&', 'AND'])} (${printPred(p.b, rnd)})`;
    case 'or':
      return `(${printPred(p.a, rnd)}) ${pick(['or', '||', 'OR'])} (${printPred(p.b, rnd)})`;
    case 'not':
      return `${pick(['not', 'NOT', '!'])} (${printPred(p.a, rnd)})`;
  }
}

// -- the reference evaluator: plain and slow, written from the documented semantics --

type Tri = boolean | null;
const MISSING_REF = Symbol('missing');

function readRef(row: Record<string, unknown>, r: Ref): unknown {
  switch (r.kind) {
    case 'field': return row[r.name];
    case 'nul': return row.nul === null ? null : row.nul;
    case 'json': {
      const o = row.js as Record<string, unknown>;
      return r.key in o ? o[r.key] : MISSING_REF;
    }
    case 'dyn': {
      const o = row.$meta as Record<string, unknown>;
      return r.key in o ? o[r.key] : MISSING_REF;
    }
  }
}

/** Exact numeric order of int64s (bigint) and small doubles. */
function refCmpNum(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    // every double used here is a multiple of 0.25, so scaling by 4 is exact
    const scale = (x: number | bigint): bigint => (typeof x === 'bigint' ? x * 4n : BigInt(x * 4));
    const d = scale(a) - scale(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function refCompare(x: unknown, l: Lit): number | undefined {
  if (l.t === 'int' || l.t === 'float') {
    if (typeof x === 'number' || typeof x === 'bigint') return refCmpNum(x, l.v);
    return undefined;
  }
  if (l.t === 'str') return typeof x === 'string' ? (x < l.v ? -1 : x > l.v ? 1 : 0) : undefined;
  return typeof x === 'boolean' ? (x === l.v ? 0 : 1) : undefined;
}

function holds(op: Op, c: number): boolean {
  return op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

function likeRef(s: string, pattern: string): boolean {
  const toks: { lit: string | null; kind: 'lit' | 'any' | 'one' }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') toks.push({ kind: 'lit', lit: pattern[++i]! });
    else if (ch === '%') toks.push({ kind: 'any', lit: null });
    else if (ch === '_') toks.push({ kind: 'one', lit: null });
    else toks.push({ kind: 'lit', lit: ch });
  }
  const m = (ti: number, si: number): boolean => {
    if (ti === toks.length) return si === s.length;
    const t = toks[ti]!;
    if (t.kind === 'any') {
      for (let k = si; k <= s.length; k++) if (m(ti + 1, k)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (t.kind === 'one' || s[si] === t.lit) return m(ti + 1, si + 1);
    return false;
  };
  return m(0, 0);
}

function refEval(p: P, row: Record<string, unknown>): Tri {
  const isJson = (r: Ref): boolean => r.kind === 'json' || r.kind === 'dyn';
  switch (p.k) {
    case 'cmp': {
      const x = readRef(row, p.ref);
      if (x === null && p.ref.kind === 'nul') return null;
      const c = x === MISSING_REF ? undefined : refCompare(x, p.lit);
      if (c === undefined) return isJson(p.ref) && p.op === '!=';
      return holds(p.op, c);
    }
    case 'range': {
      const x = readRef(row, p.ref);
      if (x === null && p.ref.kind === 'nul') return null;
      if (x === MISSING_REF) return false;
      const a = refCompare(x, p.lo);
      const b = refCompare(x, p.hi);
      if (a === undefined || b === undefined) return false;
      return (p.loInc ? a >= 0 : a > 0) && (p.hiInc ? b <= 0 : b < 0);
    }
    case 'in': {
      const x = readRef(row, p.ref);
      if (x === null && p.ref.kind === 'nul') return null;
      const found = x !== MISSING_REF && p.lits.some((l) => refCompare(x, l) === 0);
      return p.not ? !found : found;
    }
    case 'like':
      return likeRef(row.str as string, p.pattern);
    case 'mod': {
      const v = (row.big as bigint) % p.m; // C++ and bigint: sign of the dividend
      return holds(p.op, v < p.r ? -1 : v > p.r ? 1 : 0);
    }
    case 'add': {
      const v = BigInt(row.small as number) + p.c;
      return holds(p.op, v < p.v ? -1 : v > p.v ? 1 : 0);
    }
    case 'contains': {
      const arr = row.arr as bigint[];
      if (p.mode === 'all') return p.vals.every((v) => arr.includes(v));
      return p.vals.some((v) => arr.includes(v));
    }
    case 'alen': {
      const n = BigInt((row.arr as bigint[]).length);
      return holds(p.op, n < p.v ? -1 : n > p.v ? 1 : 0);
    }
    case 'isnull':
      return p.not ? row.nul !== null : row.nul === null;
    case 'exists':
      return readRef(row, p.ref) !== MISSING_REF;
    case 'and': {
      const a = refEval(p.a, row);
      const b = refEval(p.b, row);
      if (a === false || b === false) return false;
      return a === true && b === true ? true : null;
    }
    case 'or': {
      const a = refEval(p.a, row);
      const b = refEval(p.b, row);
      if (a === true || b === true) return true;
      return a === false && b === false ? false : null;
    }
    case 'not': {
      const a = refEval(p.a, row);
      return a === null ? null : !a;
    }
  }
}

describe('parseFilter: property test against a reference evaluator', () => {
  it('agrees on 2,400 random (expression, row) pairs', () => {
    const rnd = seededRandom(19530);
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const pred = genPred(rnd, 3);
      const text = printPred(pred, rnd);
      const filter = parseFilter(text, propSchema);
      for (let r = 0; r < 4; r++) {
        const rowR = genRow(rnd);
        const expected = refEval(pred, rowR) === true;
        const actual = filter.evaluate(rowR);
        if (actual !== expected) {
          throw new Error(`mismatch for ${text}\nrow ${JSON.stringify(rowR, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}\nexpected ${expected}, got ${actual}`);
        }
        checked++;
      }
    }
    expect(checked).toBe(2400);
  });
});
