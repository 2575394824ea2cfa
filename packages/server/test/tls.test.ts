import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { credentials } from '@grpc/grpc-js';
import { MilvusError, type TlsOptions } from '@mvkit/core';
import { MilvusService } from '@mvkit/proto';
import { createGrpcStub } from '@mvkit/transport-grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @mvkit/client depends on @mvkit/server for its own tests, so it is not a dependency here: the
// client is taken from its sources (vitest resolves its imports from packages/client).
import { MilvusClient } from '../../client/src/index.js';
import { startServer, type RunningServer } from '../src/index.js';
import { serveCli } from './cli-process.js';
import { makeTestCerts, type TestCerts } from './certs.js';

let certs: TestCerts;
/** One-way TLS (Milvus tlsMode 1) with a certificate for localhost and 127.0.0.1. */
let oneWay: RunningServer;
/** One-way TLS with a certificate for other.example only. */
let misnamed: RunningServer;
/** Mutual TLS (tlsMode 2): client certificates signed by the test CA required. */
let mutual: RunningServer;

beforeAll(async () => {
  certs = makeTestCerts();
  const { server, other, ca } = certs;
  [oneWay, misnamed, mutual] = await Promise.all([
    startServer({ port: 0, legacyHttpPort: 0, tls: { cert: server.cert, key: server.key } }),
    startServer({ port: 0, tls: { cert: other.cert, key: other.key } }),
    startServer({ port: 0, tls: { cert: server.cert, key: server.key, ca: ca.cert } }),
  ]);
});

afterAll(async () => {
  await Promise.all([oneWay, misnamed, mutual].map((s) => s?.close()));
  certs?.remove();
});

/** The result of `hasCollection` over `transport` to `server` with `tls`, or the MilvusError it failed with. */
async function probe(transport: 'grpc' | 'rest', server: RunningServer, tls: TlsOptions): Promise<boolean | MilvusError> {
  const client = new MilvusClient({ address: `https://${server.address}`, transport, tls, timeout: 5000 });
  try {
    return (await client.hasCollection({ collection_name: 'book' })).value;
  } catch (e) {
    expect(MilvusError.is(e), `expected a MilvusError, got ${String(e)}`).toBe(true);
    return e as MilvusError;
  } finally {
    await client.close();
  }
}

describe.each(['grpc', 'rest'] as const)('TLS over %s', (transport) => {
  it('serves a client that trusts the CA, on the one port', async () => {
    expect(await probe(transport, oneWay, { rootCert: certs.ca.cert })).toBe(false);
  });

  it('refuses a server whose certificate is not trusted (system roots only), with code 2', async () => {
    const e = await probe(transport, oneWay, {});
    expect(e).toMatchObject({ code: 2 });
    expect((e as MilvusError).message).toMatch(/certificate|UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED/i);
  });

  it('verifies the host name: refuses a certificate for another name, accepts it with serverName', async () => {
    const mismatch = await probe(transport, misnamed, { rootCert: certs.ca.cert });
    expect(mismatch).toMatchObject({ code: 2 });
    expect((mismatch as MilvusError).message).toMatch(/altnames|ALTNAME|does not match/i);
    expect(await probe(transport, misnamed, { rootCert: certs.ca.cert, serverName: 'other.example' })).toBe(false);
    expect(await probe(transport, oneWay, { rootCert: certs.ca.cert, serverName: 'wrong.example' })).toMatchObject({ code: 2 });
    expect(await probe(transport, oneWay, { rootCert: certs.ca.cert, serverName: 'localhost' })).toBe(false);
  });

  it('under mutual TLS, refuses clients without a certificate signed by the CA and serves those with one', async () => {
    expect(await probe(transport, mutual, { rootCert: certs.ca.cert })).toMatchObject({ code: 2 });
    const stranger = { rootCert: certs.ca.cert, privateKey: certs.stranger.key, certChain: certs.stranger.cert };
    expect(await probe(transport, mutual, stranger)).toMatchObject({ code: 2 });
    expect(await probe(transport, mutual, { rootCert: certs.ca.cert, privateKey: certs.client.key, certChain: certs.client.cert })).toBe(false);
  });
});

describe('TLS server', () => {
  it('reports https URLs and serves the legacy HTTP API over TLS too', async () => {
    expect(oneWay.restUrl).toBe(`https://${oneWay.address}`);
    expect(oneWay.legacyUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      httpsRequest(`${oneWay.legacyUrl}/api/v1/health`, { ca: certs.ca.cert }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body)).toEqual({ status: 'ok' });
  });

  it('answers ALPN http/1.1 to a client that offers it besides h2 (cURL), h2 to a gRPC client', async () => {
    const alpn = (protocols: string[]) =>
      new Promise<string | false>((resolve, reject) => {
        const socket = tlsConnect({ host: oneWay.host, port: oneWay.port, ca: certs.ca.cert, ALPNProtocols: protocols }, () => {
          resolve(socket.alpnProtocol ?? false);
          socket.destroy();
        }).on('error', reject);
      });
    expect(await alpn(['h2', 'http/1.1'])).toBe('http/1.1');
    expect(await alpn(['grpc-exp', 'h2'])).toBe('h2');
  });

  it('refuses a plain-TCP client on a TLS port', async () => {
    const stub = createGrpcStub(oneWay.address, credentials.createInsecure());
    await expect(stub.unary(MilvusService.method.hasCollection, { collectionName: 'book' }, { deadline: Date.now() + 3000 })).rejects.toMatchObject({ code: 14 });
    stub.close();
  });
});

describe('mvkit serve with TLS', () => {
  /** Runs `mvkit serve --port 0 …args`. */
  const serve = (args: string[]) => serveCli(['--port', '0', ...args]);

  it('serves gRPC over TLS with --tls-cert/--tls-key, and mutual TLS with --tls-ca', async () => {
    const { server, client, ca } = certs;
    const oneWayCli = serve(['--tls-cert', server.certFile, '--tls-key', server.keyFile]);
    const mutualCli = serve(['--tls-cert', server.certFile, '--tls-key', server.keyFile, '--tls-ca', ca.certFile]);
    const [oneWayLine, mutualLine] = await Promise.all([oneWayCli.line, mutualCli.line]);
    expect(oneWayLine).toMatch(/^mvkit listening on 127\.0\.0\.1:\d+ \(TLS\)$/);
    expect(mutualLine).toMatch(/^mvkit listening on 127\.0\.0\.1:\d+ \(mutual TLS\)$/);
    const has = (line: string, creds: ReturnType<typeof credentials.createSsl>) => {
      const stub = createGrpcStub(line.split(' ')[3]!, creds);
      return stub.unary(MilvusService.method.hasCollection, { collectionName: 'book' }, { deadline: Date.now() + 5000 }).finally(() => stub.close());
    };
    const caPem = Buffer.from(ca.cert);
    expect((await has(oneWayLine, credentials.createSsl(caPem))).value).toBe(false);
    await expect(has(mutualLine, credentials.createSsl(caPem))).rejects.toMatchObject({ code: 14 });
    expect((await has(mutualLine, credentials.createSsl(caPem, Buffer.from(client.key), Buffer.from(client.cert)))).value).toBe(false);
    oneWayCli.child.kill('SIGTERM');
    mutualCli.child.kill('SIGTERM');
    expect(await Promise.all([oneWayCli.exited, mutualCli.exited])).toEqual([0, 0]);
  });

  it('rejects --tls-cert without --tls-key, and an unreadable file, with a non-zero exit', async () => {
    const alone = serve(['--tls-cert', certs.server.certFile]);
    await expect(alone.line).rejects.toThrow(/--tls-cert and --tls-key go together/);
    const missing = serve(['--tls-cert', `${certs.dir}/nope.pem`, '--tls-key', certs.server.keyFile]);
    await expect(missing.line).rejects.toThrow(/--tls-cert.*cannot read it: ENOENT/);
    expect(await alone.exited).not.toBe(0);
    expect(await missing.exited).not.toBe(0);
  });
});
