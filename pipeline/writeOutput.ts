/**
 * Where the build's files go. Every output is produced as a sequence of pieces (text or bytes) and
 * written as it is produced: encoded to UTF-8 in batches, measured (size, SHA-256, CRC-32) on the way
 * through, so no output is ever held whole in memory and no file is hashed twice.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Effects } from './effects.js';
import type { PublishedFile } from './toPackage.js';

/** The content of an output: pieces of text (UTF-8) or bytes, in order. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Receives the build's outputs: writes them (under a folder, through `Effects`) or only measures them. */
export interface OutputSink {
  /** Writes one output (path relative to the output folder) and returns its facts. */
  write(path: string, chunks: Chunks): Promise<PublishedFile>;
  /** Reads a written output back in pieces. */
  read(path: string): AsyncIterable<Uint8Array>;
}

// Characters per encoded batch: large enough that encoding and hashing run at full speed.
const BATCH = 1 << 20;

/** The pieces as UTF-8 byte batches of about a megabyte. */
export async function* toByteBatches(chunks: Chunks): AsyncGenerator<Uint8Array> {
  const batches = new Batches();
  // Pieces from a plain generator are taken without a promise each: there are millions of them.
  if (Symbol.iterator in chunks) {
    for (const chunk of chunks) yield* batches.add(chunk);
  } else {
    for await (const chunk of chunks) yield* batches.add(chunk);
  }
  yield* batches.flush();
}

/** Collects text pieces until a batch is full; bytes pass through in order. */
class Batches {
  private pending: string[] = [];
  private size = 0;

  /** The batches completed by adding `chunk` (none, or the batch and the bytes). */
  add(chunk: string | Uint8Array): Uint8Array[] {
    if (typeof chunk !== 'string') return [...this.flush(), chunk];
    this.pending.push(chunk);
    this.size += chunk.length;
    return this.size >= BATCH ? this.flush() : [];
  }

  /** The pending text as one batch, if there is any. */
  flush(): Uint8Array[] {
    if (this.size === 0) return [];
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.size = 0;
    return [bytes];
  }
}

/** A sink that writes into `folder` through `effects`, measuring every file as it goes. */
export function folderSink(effects: Effects, folder: string): OutputSink {
  const at = (path: string) => `${folder.replace(/\/+$/, '')}/${path}`;
  return {
    async write(path, chunks) {
      const hash = createHash('sha256');
      let crc = 0;
      let bytes = 0;
      async function* measured(): AsyncGenerator<Uint8Array> {
        for await (const batch of toByteBatches(chunks)) {
          hash.update(batch);
          crc = crc32(batch, crc);
          bytes += batch.length;
          yield batch;
        }
      }
      await effects.writeFile(at(path), measured());
      return { path, bytes, sha256: hash.digest('hex'), crc32: crc };
    },
    read(path) {
      return effects.readChunks(at(path));
    },
  };
}

/**
 * A sink that writes nothing (the `validate` command): it still runs every output's pieces, since
 * making them checks the data (the N-Quads refuse unmapped terms), and counts their bytes.
 */
export function measuringSink(): OutputSink {
  return {
    async write(path, chunks) {
      let bytes = 0;
      for await (const chunk of chunks) bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      return { path, bytes, sha256: '', crc32: 0 };
    },
    read(path) {
      throw new Error(`Nothing was written to read back: ${path}`);
    },
  };
}
