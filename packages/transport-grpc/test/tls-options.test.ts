import { MilvusError } from '@mvkit/core';
import { expect, it } from 'vitest';
import { GrpcTransport } from '../src/index.js';

it.each([
  ['a private key without its certificate chain', { privateKey: '-----BEGIN PRIVATE KEY-----' }, /Private key must be given with accompanying certificate chain/],
  ['a key pair that is not PEM', { privateKey: 'not pem', certChain: 'not pem' }, /tls: .*(PEM|DECODER)/],
])('refuses %s at connect with MilvusError 1100, before any I/O', async (_name, tls, reason) => {
  const transport = new GrpcTransport({ address: 'https://127.0.0.1:1', tls });
  const e = await transport.connect().then(() => undefined, (err: unknown) => err);
  expect(MilvusError.is(e), `expected a MilvusError, got ${String(e)}`).toBe(true);
  expect(e).toMatchObject({ code: 1100, origin: 'client' });
  expect((e as MilvusError).message).toMatch(reason);
});
