import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One certificate and its private key: PEM contents and the files they were written to. */
export interface TestCert {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

/** A throwaway PKI under a temporary directory, made by {@link makeTestCerts}. */
export interface TestCerts {
  /** The temporary directory holding every file. */
  dir: string;
  /** The self-signed CA that signs every certificate below. */
  ca: TestCert;
  /** Server certificate for `localhost` and `127.0.0.1` (serverAuth). */
  server: TestCert;
  /** Server certificate signed by the same CA for `other.example` only (a name mismatch on localhost). */
  other: TestCert;
  /** Client certificate `CN=mvkit-test-client` (clientAuth), for mutual TLS. */
  client: TestCert;
  /** Another self-signed CA, which signed none of the above (an untrusted root). */
  stranger: TestCert;
  /** Deletes the directory. */
  remove(): void;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Generates a throwaway CA, server, client and mismatched-name certificates with the system
 * `openssl` CLI (OpenSSL 3), P-256 keys valid for one day, into a new temporary directory.
 *
 * @throws Error when `openssl` is missing or fails.
 */
export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'mvkit-certs-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const read = (name: string): TestCert => ({
    cert: readFileSync(file(`${name}.pem`), 'utf8'),
    key: readFileSync(file(`${name}.key`), 'utf8'),
    certFile: file(`${name}.pem`),
    keyFile: file(`${name}.key`),
  });
  const selfSigned = (name: string, cn: string) => {
    openssl('req', '-x509', ...EC_KEY, '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-days', '1', '-subj', `/CN=${cn}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    return read(name);
  };
  const signed = (name: string, cn: string, extensions: string) => {
    openssl('req', ...EC_KEY, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${cn}`);
    writeFileSync(file(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '1',
      '-out', file(`${name}.pem`), '-extfile', file(`${name}.ext`));
    return read(name);
  };
  const ca = selfSigned('ca', 'mvkit-test-ca');
  return {
    dir,
    ca,
    server: signed('server', 'localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n'),
    other: signed('other', 'other.example', 'subjectAltName=DNS:other.example\nextendedKeyUsage=serverAuth\n'),
    client: signed('client', 'mvkit-test-client', 'extendedKeyUsage=clientAuth\n'),
    stranger: selfSigned('stranger', 'mvkit-stranger-ca'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
