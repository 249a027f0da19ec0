import fs from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * Where an export writes: a file or an HTTP response. Writers hand over one
 * small piece (an element, a row) at a time and wait when the stream's
 * buffer is full, so a large graph never becomes one large string.
 */
export interface Sink {
  write(text: string): Promise<void>;
  /** Bytes written so far. */
  readonly bytes: number;
}

export class StreamSink implements Sink {
  bytes = 0;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly stream: Writable) {}

  /** Pieces are gathered to about 64 KB before they reach the stream. */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    this.bytes += Buffer.byteLength(text);
    if (this.pendingLength >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (this.stream.destroyed) throw new Error('The export stream was closed before the end');
    if (!this.stream.write(chunk))
      await new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => {
          this.stream.off('drain', onDrain);
          this.stream.off('close', onClose);
          this.stream.off('error', done);
          if (err) reject(err);
          else resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(new Error('The export stream was closed before the end'));
        this.stream.once('drain', onDrain);
        this.stream.once('close', onClose);
        this.stream.once('error', done);
      });
  }
}

/** A file written through a StreamSink; `close` flushes and waits for the data to reach the disk. */
export async function withFileSink<T>(
  file: string,
  work: (sink: StreamSink) => Promise<T>,
): Promise<T> {
  const stream = fs.createWriteStream(file);
  const sink = new StreamSink(stream);
  try {
    const result = await work(sink);
    await sink.flush();
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(resolve);
    });
    return result;
  } catch (err) {
    stream.destroy();
    throw err;
  }
}
