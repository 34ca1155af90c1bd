import * as net from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { MessageBytes, OutputMessageWriter } from '../../server/src/lsp/outputWriter';

/** A diagnostic as the server publishes them, with a message that may hold characters past ASCII. */
function diagnostic(line: number, message: string) {
  return {
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity: 3,
    source: 'audit-lint',
    code: 'readability',
    codeDescription: { href: 'https://example.org/rules/readability.md' },
    message,
  };
}

const publish = (count: number, version: number | undefined = 4): Message => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: {
    uri: 'file:///reports/caf\u00e9 "audit".md',
    ...(version === undefined ? {} : { version }),
    diagnostics: Array.from({ length: count }, (_, i) => diagnostic(i, i % 7 === 0 ? `Long sentence \u2026 "quoted" \u{1F600} ${i}` : `Plain ${i}`)),
  },
} as Message);

describe('message bytes', () => {
  it.each([
    ['a publish of thousands of diagnostics', publish(5_000)],
    ['a publish without a version', publish(3, undefined)],
    ['a publish with no diagnostics', publish(0)],
    ['a request', { jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { text: 'caf\u00e9 \u2014 \u{1F600}' } } as Message],
    ['a response', { jsonrpc: '2.0', id: 7, result: { contents: 'x'.repeat(200_000) } } as Message],
    ['a publish whose list holds what JSON writes as null', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: [undefined, () => 1, diagnostic(1, 'x')] } } as unknown as Message],
    ['a publish whose list is not its last field', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: [diagnostic(1, 'x')], version: 3 } } as Message],
    ['diagnostics that are not a list', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: 'none' } } as Message],
  ])('are the UTF-8 of JSON.stringify for %s', (_, message) => {
    const bytes = new MessageBytes();
    expect(bytes.of(message).equals(Buffer.from(JSON.stringify(message), 'utf8'))).toBe(true);
  });

  it('are right again after a longer message grew the buffer and a shorter one reused it', () => {
    const bytes = new MessageBytes();
    for (const message of [publish(2), publish(4_000), publish(1), publish(9_000), publish(0)]) {
      expect(bytes.of(message).toString('utf8')).toBe(JSON.stringify(message));
    }
  });
});

describe('the output writer', () => {
  it('writes messages in order to a socket, each read back whole by the protocol library', async () => {
    // A socket, as standard output is a pipe: the system has each chunk when the write calls back.
    const listening = net.createServer();
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const accepted = new Promise<net.Socket>((resolve) => listening.once('connection', resolve));
    const client = net.connect((listening.address() as net.AddressInfo).port, '127.0.0.1');
    const stream = await accepted;
    const writer = new OutputMessageWriter(stream);
    const reader = new StreamMessageReader(client);
    const received: Message[] = [];
    const all = new Promise<void>((resolve) => {
      reader.listen((message) => {
        received.push(message);
        if (received.length === 4) resolve();
      });
    });
    const sent = [publish(20_000), publish(1), { jsonrpc: '2.0', id: 1, result: 'r\u00e9sum\u00e9' } as Message, publish(20_000, 5)];
    // All written before the reader reads, so the system cannot take them at once: the later messages
    // must not overwrite the bytes of the earlier ones while these wait.
    client.pause();
    const written = Promise.all(sent.map((message) => writer.write(message)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.resume();
    await all;
    await written;
    expect(received).toEqual(sent);
    client.destroy();
    stream.destroy();
    listening.close();
  });

  it('reports a stream that fails, and rejects the write', async () => {
    const stream = new PassThrough({
      write(_chunk, _encoding, callback) {
        callback(new Error('pipe closed'));
      },
    });
    stream.on('error', () => undefined);
    const writer = new OutputMessageWriter(stream);
    const errors: Error[] = [];
    writer.onError(([error]) => errors.push(error));
    await expect(writer.write(publish(2))).rejects.toThrow('pipe closed');
    expect(errors.map((error) => error.message)).toContain('pipe closed');
  });
});
