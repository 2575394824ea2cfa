import { normalizeField } from '@mvkit/core';
import { create } from '@bufbuild/protobuf';
import { columnOf, FieldDataSchema, rowsOfColumns, type ColumnField, type FieldData } from '@mvkit/proto';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/index.js';
import { columnFieldsOf } from '../src/grpc/field-data.js';

/** An Insert's columns as the proxy checks them against a schema (`checkFieldsDataBySchema`, `Validate`). */
describe('Insert and Upsert columns, checked in the proxy order', () => {
  const e = new Engine();
  const coll = e.createCollection({
    collectionName: 'w',
    enableDynamicField: true,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true, autoID: true },
      { name: 'v', data_type: 'FloatVector', dim: 4 },
      { name: 'n', data_type: 'Int32', nullable: true },
      { name: 'd', data_type: 'VarChar', max_length: 8, default_value: 'x' },
    ].map(normalizeField),
  });
  const fields = columnFieldsOf(coll.schema);
  const field = (name: string) => fields.find((f) => f.name === name)! as ColumnField;
  const column = (name: string, rows: Record<string, unknown>[]): FieldData => create(FieldDataSchema, columnOf(field(name), rows));
  const vectors = (n: number) => column('v', Array.from({ length: n }, () => ({ v: [0, 0, 0, 0] })));
  const check = (columns: FieldData[], numRows: number, upsert = false) => {
    try {
      rowsOfColumns(fields, columns, numRows, { upsert });
    } catch (err) {
      return { code: (err as { code: number }).code, message: (err as Error).message };
    }
    return 'accepted';
  };

  it('takes the required columns only; nullable, defaulted and dynamic fields may be left out', () => {
    expect(check([vectors(2)], 2)).toBe('accepted');
  });

  it('answers num_rows, duplicates, missing and extra columns with the proxy messages, in its order', () => {
    expect(check([vectors(2)], 0)).toEqual({ code: 1100, message: 'num_rows should be greater than 0: invalid parameter[expected=invalid num_rows][actual=0]' });
    expect(check([vectors(2), vectors(2)], 2)).toEqual({ code: 1100, message: 'duplicated field v found: invalid parameter' });
    expect(check([column('n', [{ n: 1 }])], 1)).toEqual({ code: 1100, message: 'fieldSchema(v) has no corresponding fieldData pass in: invalid parameter' });
    // The auto-ID key sent on insert counts twice: once given, once generated.
    const ids = create(FieldDataSchema, columnOf({ ...field('id'), autoID: false }, [{ id: 1n }, { id: 2n }]));
    expect(check([ids, vectors(2)], 2)).toEqual({ code: 1100, message: 'more fieldData has pass in: invalid parameter[expected=5][actual=6]' });
    // An upsert must send it.
    expect(check([vectors(2)], 2, true)).toEqual({ code: 1100, message: 'fieldSchema(id) has no corresponding fieldData pass in: invalid parameter' });
    expect(check([ids, vectors(2)], 2, true)).toBe('accepted');
    const extra = create(FieldDataSchema, { ...columnOf(field('n'), [{ n: 1 }, { n: 2 }]), fieldName: 'other' });
    expect(check([vectors(2), extra], 2)).toEqual({ code: 1100, message: 'more fieldData has pass in: invalid parameter[expected=5][actual=6]' });
  });

  it('checks a float vector column: its length divides dim, then its dim, then its row count', () => {
    const ragged = vectors(2);
    (ragged.field.value as { data: { value: { data: number[] } } }).data.value.data.push(1, 2);
    expect(check([ragged], 2)).toEqual({ code: 65535, message: 'the length(10) of float data should divide the dim(4)' });
    expect(check([vectors(3)], 2)).toMatchObject({ code: 1100, message: expect.stringContaining('the num_rows (3) of field (v) is not equal to passed num_rows (2)') });
  });

  it('checks each column\'s values before any row count, column by column, in Validate\'s words', () => {
    const f = new Engine();
    const c = f.createCollection({
      collectionName: 'values',
      fields: [
        { name: 'id', data_type: 'Int64', is_primary_key: true },
        { name: 'v', data_type: 'FloatVector', dim: 2 },
        { name: 's', data_type: 'VarChar', max_length: 3 },
        { name: 'i8', data_type: 'Int8' },
        { name: 'a', data_type: 'Array', element_type: 'Int64', max_capacity: 2 },
      ].map(normalizeField),
    });
    const view = columnFieldsOf(c.schema);
    const col = (name: string, rows: Record<string, unknown>[]) => create(FieldDataSchema, columnOf(view.find((x) => x.name === name)!, rows));
    const good = (n: number) => [
      col('id', Array.from({ length: n }, (_, i) => ({ id: BigInt(i) }))),
      col('v', Array.from({ length: n }, () => ({ v: [0, 0] }))),
      col('s', Array.from({ length: n }, () => ({ s: 'abc' }))),
      col('i8', Array.from({ length: n }, () => ({ i8: 1 }))),
      col('a', Array.from({ length: n }, () => ({ a: [1n] }))),
    ];
    const run = (columns: FieldData[], numRows: number) => {
      try {
        rowsOfColumns(view, columns, numRows, { upsert: false });
      } catch (err) {
        return { code: (err as { code: number }).code, message: (err as Error).message };
      }
      return 'accepted';
    };
    expect(run(good(2), 2)).toBe('accepted');
    const replace = (name: string, column: FieldData) => good(2).map((x) => (x.fieldName === name ? column : x));
    // A VarChar column of the wrong kind, and a too-long value (counted in UTF-8 bytes), before any row count.
    const wrongKind = create(FieldDataSchema, { ...col('id', [{ id: 1n }, { id: 2n }]), fieldName: 's', type: 21 });
    expect(run(replace('s', wrongKind), 3)).toEqual({ code: 1100, message: "varchar field 's' is illegal, array type mismatch: invalid parameter[expected=need string array][actual=got nil]" });
    expect(run(replace('s', col('s', [{ s: 'ab' }, { s: 'é€' }])), 3)).toEqual({ code: 1100, message: 'length of varchar field s exceeds max length, row number: 1, length: 5, max length: 3: invalid parameter' });
    expect(run(replace('i8', col('i8', [{ i8: 1 }, { i8: 300 }])), 2)).toEqual({ code: 1100, message: "the 1th element (300) out of range: [-128, 127]: invalid parameter[expected=integer doesn't overflow][actual=out of range]" });
    expect(run(replace('a', col('a', [{ a: [1n] }, { a: [1n, 2n, 3n] }])), 2)).toEqual({
      code: 1100,
      message: 'the length (3) of 1th array exceeds max capacity (2): invalid parameter[expected=valid length array][actual=array length exceeds max capacity]',
    });
    const nan = col('v', [{ v: [0, 0] }, { v: [Number.NaN, 0] }]);
    expect(run(replace('v', nan), 2)).toEqual({ code: 1100, message: "value 'NaN' is not a number or infinity: invalid parameter" });
  });
});
