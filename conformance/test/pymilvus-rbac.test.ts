import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Users, roles, grants and privilege groups through pymilvus (the pinned 2.5 release) against the
 * reference server with authentication on: the MilvusClient RBAC methods as a pymilvus program
 * calls them, and a user without a grant refused with Milvus's gRPC PERMISSION_DENIED status (no
 * retry; pymilvus raises it as grpc's RpcError), then served once granted. Each test is one program; its asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'rbac.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('RBAC through pymilvus', () => {
  const py = usePythonAndServer({ auth: { users: { root: 'Milvus' } } });
  const run = async (code: string) =>
    (await runPythonPage('rbac.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] }))[0];

  it('manages users, roles, grants and privilege groups, and enforces the grants', async () => {
    py.needsPython();
    const code = [
      'import time',
      'import grpc',
      'from pymilvus import MilvusClient, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'client.create_collection("py_rbac", dimension=2)',
      'client.create_user(user_name="alice", password="Passw0rd!")',
      'assert sorted(client.list_users()) == ["alice", "root"], client.list_users()',
      'try:',
      '    client.create_user(user_name="alice", password="Passw0rd!")',
      '    raise AssertionError("duplicate user accepted")',
      'except MilvusException as e:',
      '    assert "user already exists: alice" in e.message, e.message',
      'try:',
      '    client.create_user(user_name="bob", password="short")',
      '    raise AssertionError("short password accepted")',
      'except MilvusException as e:',
      '    assert e.code == 1100 and "invalid password length" in e.message, (e.code, e.message)',
      'client.create_role(role_name="reader")',
      'assert set(client.list_roles()) == {"admin", "public", "reader"}, client.list_roles()',
      'client.grant_role(user_name="alice", role_name="reader")',
      'assert "reader" in client.describe_user(user_name="alice")["roles"], client.describe_user(user_name="alice")',
      'alice = MilvusClient(uri="http://localhost:19530", token="alice:Passw0rd!")',
      'started = time.time()',
      'try:',
      '    alice.query("py_rbac", filter="id >= 0")',
      '    raise AssertionError("query without the grant served")',
      // pymilvus passes the gRPC PERMISSION_DENIED status on as grpc's RpcError, as against Milvus.
      'except grpc.RpcError as e:',
      '    assert e.code() == grpc.StatusCode.PERMISSION_DENIED and e.details() == "PrivilegeQuery: permission deny to alice in the `default` database", e',
      'assert time.time() - started < 5, "pymilvus retried the refusal"',
      'client.grant_privilege(role_name="reader", object_type="Collection", privilege="Query", object_name="py_rbac")',
      'assert alice.query("py_rbac", filter="id >= 0") == []',
      'privileges = client.describe_role(role_name="reader")["privileges"]',
      'assert [(p["object_type"], p["object_name"], p["privilege"], p["db_name"]) for p in privileges] == [("Collection", "py_rbac", "Query", "default")], privileges',
      'client.create_privilege_group(group_name="writers")',
      'client.add_privileges_to_group(group_name="writers", privileges=["Insert", "Upsert"])',
      'groups = {g["privilege_group"]: g["privileges"] for g in client.list_privilege_groups()}',
      'assert list(groups["writers"]) == ["Insert", "Upsert"] and "CollectionReadOnly" in groups, groups',
      'client.grant_privilege_v2(role_name="reader", privilege="writers", collection_name="py_rbac", db_name="default")',
      'assert alice.insert("py_rbac", [{"id": 1, "vector": [0.1, 0.2]}])["insert_count"] == 1',
      'try:',
      '    client.drop_role(role_name="public")',
      '    raise AssertionError("public dropped")',
      'except MilvusException as e:',
      '    assert e.code == 1401 and "is a default role" in e.message, (e.code, e.message)',
      'client.revoke_privilege_v2(role_name="reader", privilege="writers", collection_name="py_rbac", db_name="default")',
      'client.drop_privilege_group(group_name="writers")',
      'client.revoke_privilege(role_name="reader", object_type="Collection", privilege="Query", object_name="py_rbac")',
      'client.revoke_role(user_name="alice", role_name="reader")',
      'client.drop_role(role_name="reader")',
      'client.update_password(user_name="alice", old_password="Passw0rd!", new_password="Passw0rd2")',
      'client.drop_user(user_name="alice")',
      'assert client.list_users() == ["root"], client.list_users()',
    ].join('\n');
    const r = await run(code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 120_000);
});
