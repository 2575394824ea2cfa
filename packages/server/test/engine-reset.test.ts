/**
 * `Engine.reset()`: one engine reused across tests ends each reset in the state of a new engine
 * with the same options and seeds, while IDs keep increasing and running requests stop.
 */
import { LoadState } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESOURCE_GROUP, Engine } from '../src/engine/index.js';

/** What a test can observe of an engine's state, through its public methods. */
function observe(engine: Engine) {
  return {
    databases: engine.listDatabases().map((d) => d.name),
    collections: engine.listDatabases().map((d) => engine.showCollections(d.name).map((s) => s.item.name)),
    resourceGroups: engine.listResourceGroups(),
    defaultGroupNodes: engine.describeResourceGroup(DEFAULT_RESOURCE_GROUP).numAvailableNode,
    users: engine.rbac.listUsers(),
    roles: engine.rbac.selectRole(undefined, true),
    publicGrants: engine.rbac.selectGrant({ role: 'public' }).length,
    privilegeGroups: engine.rbac.listPrivilegeGroups().filter((g) => g.name.startsWith('my')),
    imports: engine.listImportJobs({}),
  };
}

/** A new engine with the options the tests use, seeded as `startServer` seeds it. */
function seeded(): Engine {
  const engine = new Engine({ queryNodes: 2 });
  engine.rbac.seedUsers({ root: 'Milvus', alice: 'alice-secret' });
  return engine;
}

describe('Engine.reset', () => {
  it('drops databases, collections, aliases, partitions, rows, RBAC changes and resource groups back to a new engine’s state', async () => {
    const fresh = observe(seeded());
    const engine = seeded();
    engine.createDatabase('analytics');
    for (const dbName of ['default', 'analytics']) {
      engine.createCollectionQuick({ db_name: dbName, collection_name: 'books', dimension: 2 });
      await engine.insert({ dbName, collectionName: 'books', rows: [{ id: 1, vector: [0.1, 0.2] }] });
    }
    engine.createPartition({ collectionName: 'books', partitionName: 'p1' });
    engine.createAlias({ alias: 'novels', collectionName: 'books' });
    engine.createResourceGroup('rg1', { requests: { nodeNum: 1 }, limits: { nodeNum: 1 } });
    engine.rbac.createUser('bob', 'bob-secret');
    engine.rbac.createRole('reader');
    engine.rbac.operateUserRole('alice', 'reader', true);
    engine.rbac.operatePrivilege({ role: 'reader', objectType: 'Collection', objectName: 'books', privilege: 'Search' }, true, 'root');
    engine.rbac.createPrivilegeGroup('mygroup');
    engine.rbac.updatePassword('alice', 'alice-secret', 'changed-secret');
    expect(observe(engine)).not.toEqual(fresh);

    engine.reset();

    expect(observe(engine)).toEqual(fresh);
    expect(engine.hasCollection({ collectionName: 'books' })).toBe(false);
    expect(() => engine.describeAlias({ alias: 'novels' })).toThrow(/alias/);
    // Seeded users get their seeded passwords back; users created later are gone.
    expect(await engine.rbac.authenticate('alice', 'alice-secret')).toBe(true);
    expect(await engine.rbac.authenticate('alice', 'changed-secret')).toBe(false);
    expect(await engine.rbac.authenticate('root', 'Milvus')).toBe(true);
    expect(await engine.rbac.authenticate('bob', 'bob-secret')).toBe(false);
  });

  it('serves again after a reset: the same names can be created, loaded and searched, with new IDs', async () => {
    const engine = seeded();
    const before = engine.createCollectionQuick({ collection_name: 'books', dimension: 2 }).id;
    await engine.insert({ collectionName: 'books', rows: [{ id: 1, vector: [0.1, 0.2] }] });
    engine.reset();

    const after = engine.createCollectionQuick({ collection_name: 'books', dimension: 2 });
    expect(after.id).toBeGreaterThan(before);
    expect(engine.getLoadState({ collectionName: 'books' })).toBe(LoadState.LoadStateLoaded);
    expect((await engine.query({ collectionName: 'books', filter: '', outputFields: ['count(*)'] })).rows[0]).toEqual({ 'count(*)': 0n });
    await engine.insert({ collectionName: 'books', rows: [{ id: 7, vector: [0.5, 0.5] }] });
    const found = await engine.search({ collectionName: 'books', vectors: [[0.5, 0.5]], limit: 1 });
    expect(found.hits[0]!.map((h) => h.pk)).toEqual([7n]);
  });

  it('stops a data-plane request that is still running with 65535 request canceled: engine reset', async () => {
    const engine = seeded();
    engine.createCollectionQuick({ collection_name: 'big', dimension: 2 });
    const rows = Array.from({ length: 200_000 }, (_, id) => ({ id, vector: [Math.random(), Math.random()] }));
    const insert = engine.insert({ collectionName: 'big', rows });
    engine.reset();
    await expect(insert).rejects.toMatchObject({ code: 65535, reason: 'request canceled: engine reset' });
    // The engine itself is not closed: new requests run.
    engine.createCollectionQuick({ collection_name: 'big', dimension: 2 });
    await expect(engine.insert({ collectionName: 'big', rows: rows.slice(0, 10) })).resolves.toMatchObject({});
  });

  it('drops the queued index builds and compactions of the old collections', async () => {
    const engine = new Engine({ segmentMaxRows: 100 });
    const coll = engine.createCollectionQuick({ collection_name: 'sealed', dimension: 2 });
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i, vector: [from + i, 1] }));
    await engine.insert({ collectionName: 'sealed', rows: rows(0, 300) });
    await engine.indexBuilder.drain();
    const { compactionId } = engine.manualCompaction({ collectionId: coll.id });
    await engine.insert({ collectionName: 'sealed', rows: rows(300, 200) });
    expect(engine.getCompactionState(compactionId).state).toBe('Executing');
    expect(engine.indexBuilder.pending).toBeGreaterThan(0);
    engine.reset();
    expect(engine.indexBuilder.pending).toBe(0);
    expect(engine.getCompactionState(compactionId)).toMatchObject({ state: 'Completed', executing: 0, mergeInfos: [] });
  });

  it('leaves a closed engine closed', async () => {
    const engine = seeded();
    engine.close();
    engine.reset();
    engine.createCollectionQuick({ collection_name: 'c', dimension: 2 });
    const rows = Array.from({ length: 50_000 }, (_, id) => ({ id, vector: [0, 1] }));
    await expect(engine.insert({ collectionName: 'c', rows })).rejects.toMatchObject({ reason: 'request canceled: engine closed' });
  });
});
