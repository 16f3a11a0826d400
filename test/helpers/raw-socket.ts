import WebSocket from 'ws';

export interface RawMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/**
 * A graphql-transport-ws connection driven by hand: tests choose exactly which frames are sent (a
 * `complete`, an abrupt close, an oversized frame), which graphql-ws's client does not let them do.
 */
export class RawSocket {
  readonly messages: RawMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => this.messages.push(JSON.parse(String(data)) as RawMessage));
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
  }

  /** Opens the socket and, unless `init` is false, sends connection_init and waits for the ack. */
  static async open(
    wsUrl: string,
    options: { token?: string; headers?: Record<string, string>; init?: boolean } = {},
  ): Promise<RawSocket> {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: options.headers });
    const raw = new RawSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    if (options.init === false) return raw;
    raw.send({
      type: 'connection_init',
      payload: options.token ? { authorization: `Bearer ${options.token}` } : {},
    });
    await raw.waitFor((message) => message.type === 'connection_ack');
    return raw;
  }

  send(message: RawMessage | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  complete(id: string): void {
    this.send({ id, type: 'complete' });
  }

  /** The messages for one operation id. */
  of(id: string): RawMessage[] {
    return this.messages.filter((message) => message.id === id);
  }

  async waitFor(predicate: (message: RawMessage) => boolean, timeoutMs = 10_000): Promise<RawMessage> {
    const started = Date.now();
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (this.socket.readyState === WebSocket.CLOSED) throw new Error('socket closed while waiting');
      if (Date.now() - started > timeoutMs)
        throw new Error(`no matching message; got ${JSON.stringify(this.messages.slice(-5))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A normal close (1000), as a browser tab that is closed sends. */
  close(): Promise<{ code: number; reason: string }> {
    this.socket.close(1000);
    return this.closed;
  }

  /** The TCP connection dropped without a close frame (a phone that lost its network). */
  terminate(): Promise<{ code: number; reason: string }> {
    this.socket.terminate();
    return this.closed;
  }
}
