/**
 * CallMetadata against the grpc-js server's metadata of the same request headers
 * (`Metadata.fromHttp2Headers` minus the headers grpc-js removes before its handlers see them).
 */
import type { IncomingHttpHeaders } from 'node:http2';
import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { CallMetadata } from '../src/grpc/metadata.js';

/** What a grpc-js server handler gets as metadata for `headers`. */
function grpcJsMetadata(headers: IncomingHttpHeaders): Metadata {
  const metadata = Metadata.fromHttp2Headers(headers);
  for (const removed of ['grpc-timeout', 'grpc-encoding', 'grpc-accept-encoding', 'accept-encoding', 'te', 'content-type']) metadata.remove(removed);
  return metadata;
}

const headers: IncomingHttpHeaders = {
  ':method': 'POST',
  ':path': '/milvus.proto.milvus.MilvusService/HasCollection',
  ':authority': 'localhost:19530',
  ':scheme': 'http',
  'content-type': 'application/grpc',
  te: 'trailers',
  'grpc-timeout': '10S',
  'grpc-encoding': 'gzip',
  'grpc-accept-encoding': 'identity,gzip',
  'accept-encoding': 'gzip',
  'user-agent': 'grpc-go/1.66',
  authorization: 'cm9vdDpNaWx2dXM=',
  dbname: 'library',
  'x-joined': 'a, b',
  'trace-bin': `${Buffer.from([1, 2, 255]).toString('base64')},${Buffer.from('second').toString('base64')}`,
  'grpc-trace-bin': Buffer.from([0, 1, 2]).toString('base64'),
  'set-cookie': ['one', 'two'],
};

describe('CallMetadata', () => {
  const ours = new CallMetadata(headers);
  const theirs = grpcJsMetadata(headers);

  it('gives the values grpc-js gives for every header, pseudo-headers and transport headers none', () => {
    const keys = [...Object.keys(headers), 'absent', 'DBNAME', 'Authorization'];
    for (const key of keys) expect(ours.get(key), key).toEqual(theirs.get(key));
    expect(ours.get(':path')).toEqual([]);
    expect(ours.get('grpc-timeout')).toEqual([]);
  });

  it('decodes -bin values from base64, custom ones split at commas', () => {
    expect(ours.get('trace-bin')).toEqual([Buffer.from([1, 2, 255]), Buffer.from('second')]);
    expect(ours.get('grpc-trace-bin')).toEqual([Buffer.from([0, 1, 2])]);
    expect(ours.get('dbname')).toEqual(['library']);
  });

  it('is empty without headers', () => {
    expect(new CallMetadata().get('dbname')).toEqual([]);
  });
});
