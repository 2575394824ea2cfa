import { Engine } from '@mvkit/server';
import { describe, expect, it } from 'vitest';
import { createHandlersFetch, createMilvusHandlers } from '../src/index.js';

const baseUrl = 'http://milvus.test:19530';

describe('entities endpoints through the msw handlers', () => {
  it('insert, query, search and delete share the REST front table, with exact int64 answers', async () => {
    const engine = new Engine();
    const fetchMilvus = createHandlersFetch(createMilvusHandlers({ engine, baseUrl }));
    const post = async (path: string, body: unknown) => {
      const r = await fetchMilvus(`${baseUrl}/v2/vectordb/${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
      return r.text();
    };
    expect(await post('collections/create', { collectionName: 'c', dimension: 2, metricType: 'L2' })).toBe('{"code":0,"data":{}}');
    expect(await post('entities/insert', '{"collectionName":"c","data":[{"id":9007199254740993,"vector":[1,0],"color":"red"},{"id":2,"vector":[0,1]}]}')).toBe(
      '{"code":0,"cost":0,"data":{"insertCount":2,"insertIds":[9007199254740993,2]}}',
    );
    expect(await post('entities/query', { collectionName: 'c', filter: 'color == "red"', outputFields: ['color'] })).toBe(
      '{"code":0,"cost":0,"data":[{"color":"red","id":9007199254740993}]}',
    );
    expect(await post('entities/search', { collectionName: 'c', data: [[0, 1]], limit: 1 })).toBe('{"code":0,"cost":0,"data":[{"distance":0,"id":2}],"topks":[1]}');
    expect(await post('entities/delete', { collectionName: 'c', filter: 'id == 2' })).toBe('{"code":0,"data":{"deleteCount":1}}');
    expect(await post('entities/query', { collectionName: 'c', filter: '', outputFields: ['count(*)'] })).toBe('{"code":0,"cost":0,"data":[{"count(*)":1}]}');
  });
});
