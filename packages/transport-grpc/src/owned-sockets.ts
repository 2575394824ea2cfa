import type { Socket } from 'node:net';
import { ChannelCredentials } from '@grpc/grpc-js';

type SecureConnector = ReturnType<ChannelCredentials['_createSecureConnector']>;

/**
 * Channel credentials that keep hold of the TCP sockets of their channel's connections, so that
 * {@link SocketOwningCredentials.destroySockets} can end them.
 *
 * grpc-js gives a connection attempt no deadline and no way out: once TCP is up it waits for the
 * server's HTTP/2 SETTINGS forever, and closing the channel does not end the attempt
 * (grpc/grpc-node#2785). Against a server that accepts connections and never answers, every
 * channel closed after a timed-out call would leave its socket open. The transport gives each
 * channel its own instance and destroys its sockets when it drops the channel; a connection that
 * completes after that (its TCP connect was still under way) is destroyed as it arrives.
 *
 * Equal only to itself, so grpc-js never shares a subchannel (and its sockets) with another
 * channel.
 */
export class SocketOwningCredentials extends ChannelCredentials {
  readonly #inner: ChannelCredentials;
  readonly #sockets = new Set<Socket>();
  #destroyed = false;

  /** @param inner - the credentials that secure the connections (insecure or TLS). */
  constructor(inner: ChannelCredentials) {
    super();
    this.#inner = inner;
  }

  /** Whether the wrapped credentials use TLS. */
  override _isSecure(): boolean {
    return this.#inner._isSecure();
  }

  /** Identity: these credentials own their sockets and share them with no other channel. */
  override _equals(other: ChannelCredentials): boolean {
    return other === this;
  }

  /** The wrapped credentials' connector, recording each socket it is given until that socket closes. */
  override _createSecureConnector(...args: Parameters<ChannelCredentials['_createSecureConnector']>): SecureConnector {
    const connector = this.#inner._createSecureConnector(...args);
    return {
      connect: (socket) => {
        if (this.#destroyed) {
          socket.destroy();
          return Promise.reject(new Error('channel closed'));
        }
        this.#sockets.add(socket);
        socket.once('close', () => this.#sockets.delete(socket));
        return connector.connect(socket);
      },
      waitForReady: () => connector.waitForReady(),
      getCallCredentials: () => connector.getCallCredentials(),
      destroy: () => connector.destroy(),
    };
  }

  /** Destroys every socket still open (connected, or stuck in the HTTP/2 handshake), and any that connects later. */
  destroySockets(): void {
    this.#destroyed = true;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }
}
