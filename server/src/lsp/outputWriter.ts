import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** A message's bytes, written into one buffer that is kept from message to message. */
export class MessageBytes {
  private bytes = Buffer.allocUnsafeSlow(64 * 1024);
  private length = 0;

  /** The bytes of a message as JSON, the same as JSON.stringify's; valid until the next call. */
  of(message: Message): Buffer {
    this.length = 0;
    const diagnostics = publishedDiagnostics(message);
    if (diagnostics) this.appendPublish(message, diagnostics);
    else this.append(JSON.stringify(message));
    return this.bytes.subarray(0, this.length);
  }

  /**
   * Thousands of diagnostics are written one at a time: as one string, a long report's would be made
   * and copied whole twice (joined, then encoded), and fresh memory of that size is slow to get.
   */
  private appendPublish(message: Message, diagnostics: readonly unknown[]): void {
    const { diagnostics: _, ...rest } = (message as unknown as { params: Record<string, unknown> }).params;
    const envelope = JSON.stringify({ ...message, params: undefined });
    const params = JSON.stringify(rest);
    this.append(`${envelope.slice(0, -1)},"params":${params === '{}' ? '{' : `${params.slice(0, -1)},`}"diagnostics":[`);
    for (let i = 0; i < diagnostics.length; i++) {
      if (i > 0) this.append(',');
      // As in a list: what JSON cannot write (undefined, a function) is null there.
      this.append(JSON.stringify(diagnostics[i]) ?? 'null');
    }
    this.append(']}}');
  }

  private append(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const most = this.length + text.length * 3;
    if (most > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < most) size *= 2;
      const bigger = Buffer.allocUnsafeSlow(size);
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    this.length += this.bytes.write(text, this.length, 'utf8');
  }
}

/**
 * The diagnostics of a publishDiagnostics notification whose params are a plain object with the list
 * last (as JSON.stringify would write it last), else undefined.
 */
function publishedDiagnostics(message: Message): readonly unknown[] | undefined {
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (method !== 'textDocument/publishDiagnostics' || typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const { diagnostics } = params as { diagnostics?: unknown };
  return Array.isArray(diagnostics) && Object.keys(params).at(-1) === 'diagnostics' ? diagnostics : undefined;
}

/**
 * Writes protocol messages to the server's standard output, each with its Content-Length header, in
 * the order given. A message's bytes are written into the same buffer every time, so the next message
 * is written only once the stream has taken the last. That needs a stream that has handed a chunk to
 * the system when it calls back, as Node's pipes, files, terminals and sockets do (a stream that keeps
 * the chunk to pass on later, such as a PassThrough, does not).
 */
export class OutputMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly bytes = new MessageBytes();
  private queue: Promise<void> = Promise.resolve();
  private errors = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const written = this.queue.then(() => this.send(message));
    this.queue = written.catch(() => undefined);
    return written;
  }

  end(): void {
    this.output.end();
  }

  private send(message: Message): Promise<void> {
    const body = this.bytes.of(message);
    return new Promise((resolve, reject) => {
      this.output.write(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
      this.output.write(body, (error) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
    });
  }
}
