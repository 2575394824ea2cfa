/**
 * Connection settings shared by every transport.
 *
 * @packageDocumentation
 */

/**
 * TLS settings (PEM contents), named as in the official Node SDK. The server certificate is
 * always verified: it must chain to `rootCert` and carry the expected host name.
 */
export interface TlsOptions {
  /** CA certificate(s) the server certificate must chain to; default: the system roots. */
  rootCert?: Uint8Array | string;
  /** Client private key, for mutual TLS (Milvus `tlsMode` 2); given with `certChain`. */
  privateKey?: Uint8Array | string;
  /** Client certificate chain, for mutual TLS; given with `privateKey`. */
  certChain?: Uint8Array | string;
  /** Host name the server certificate must carry (also sent as SNI) instead of the address host; default the address host. */
  serverName?: string;
}

/** Where and as whom to connect, as the official SDKs take it. */
export interface ConnectionOptions {
  /** `host:port`, `http://host:port` or `https://host:port` (https implies TLS). Default port 19530. */
  address: string;
  /** API key or `user:password`, sent as the `authorization` metadata (base64) / Bearer header. */
  token?: string;
  /** User name (with `password`), alternative to `token`. */
  username?: string;
  password?: string;
  /** Database for every call that does not name one; default `default`. */
  database?: string;
  /** Use TLS with the system roots (same as `tls: {}`). */
  ssl?: boolean;
  /** TLS settings. */
  tls?: TlsOptions;
  /**
   * Default per-call deadline in milliseconds: `DEFAULT_TIMEOUT_MS` (15 s) when unset;
   * `0` or `Infinity` for none.
   */
  timeout?: number;
}

/** Parsed form of {@link ConnectionOptions.address}. */
export interface ParsedAddress {
  host: string;
  port: number;
  /** Whether the scheme asks for TLS (`https://`). */
  secure: boolean;
}

/**
 * Parses an address such as `localhost:19530`, `http://127.0.0.1:19530` or `https://host`.
 * @throws TypeError for an address without a host.
 */
export function parseAddress(address: string): ParsedAddress {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `http://${address}`;
  const url = new URL(withScheme);
  if (!url.hostname) throw new TypeError(`invalid Milvus address: ${address}`);
  const secure = url.protocol === 'https:';
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 19530, secure };
}

/** The credential string a transport sends: the token, else `user:password`, else none. */
export function credentialOf(options: ConnectionOptions): string | undefined {
  if (options.token) return options.token;
  if (options.username !== undefined) return `${options.username}:${options.password ?? ''}`;
  return undefined;
}
