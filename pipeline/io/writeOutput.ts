/**
 * Where the build's files go. Every output is produced as a sequence of pieces (text or bytes) and
 * written as it is produced: encoded to UTF-8 in batches, measured (size, SHA-256, CRC-32) on the way
 * through, so no output is ever held whole in memory and no file is hashed twice.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { PIECES_IN_FLIGHT, type Effects } from './effects.js';
import { takeBuffer } from './writerThread.js';
import type { PublishedFile } from '../publish/toPackage.js';

/** The content of an output: pieces of text (UTF-8) or bytes, in order. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Receives the build's outputs: writes them (under a folder, through `Effects`) or only measures them. */
export interface OutputSink {
  /** Writes one output (path relative to the output folder) and returns its facts. */
  write(path: string, chunks: Chunks): Promise<PublishedFile>;
  /** Reads a written output back in pieces. */
  read(path: string): AsyncIterable<Uint8Array>;
}

// Bytes per batch at most: large enough that writing and hashing run at full speed.
const BATCH_BYTES = 1 << 22;
// Pieces of bytes up to this size are copied into a batch (no larger than a batch's first size).
const SMALL_PIECE_BYTES = 1 << 16;

/**
 * The pieces as UTF-8 byte batches of up to 4 MiB, encoded into a few buffers in turn: a batch's
 * memory is reused once `PIECES_IN_FLIGHT` more batches are asked for (see `Effects.writeFile`). Encoding piece by piece
 * into the same memory, instead of joining pieces into large strings and encoding those into new
 * buffers, keeps the garbage collector out of the way: large strings and buffers live outside the
 * young generation, and at 60,000 projects collecting them took a third of the build.
 */
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

const encoder = new TextEncoder();

/**
 * Encodes text pieces into a few buffers in turn, giving out a batch when one fills; pieces of
 * bytes are copied in too, those over 64 KiB pass through. The buffers start small and double as
 * they fill, up to 4 MiB, so the many small files cost small buffers and the large ones few, large
 * writes.
 */
class Batches {
  private size = 1 << 16;
  private readonly buffers: (Uint8Array | null)[] = Array.from({ length: PIECES_IN_FLIGHT + 1 }, () => null);
  private turn = 0;
  // Taken when the first text comes, not before: a file ends with no buffer taken for nothing.
  private buffer: Uint8Array | null = null;
  private used = 0;

  /** The batches completed by adding `chunk`. */
  *add(chunk: string | Uint8Array): Generator<Uint8Array> {
    if (typeof chunk !== 'string') yield* this.addBytes(chunk);
    else yield* this.addText(chunk);
  }

  /**
   * Small pieces of bytes (a zip's headers, the files a zip holds) are copied into the batch, so the
   * writer thread gets a few large pieces, not one per header (each piece a message and an answer
   * to wait for); large ones pass through as they are.
   */
  private *addBytes(chunk: Uint8Array): Generator<Uint8Array> {
    if (chunk.length > SMALL_PIECE_BYTES) {
      yield* this.flush();
      yield chunk;
      return;
    }
    if (this.buffer && this.used + chunk.length > this.buffer.length) {
      this.size = Math.min(this.size * 2, BATCH_BYTES);
      yield* this.flush();
    }
    this.buffer ??= this.take();
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
  }

  private *addText(chunk: string): Generator<Uint8Array> {
    let rest = chunk;
    while (rest.length > 0) {
      this.buffer ??= this.take();
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // Full (a character that does not fit is encoded into the next batch): the next may be larger.
      this.size = Math.min(this.size * 2, BATCH_BYTES);
      yield* this.flush();
    }
  }

  /** The pending bytes as one batch, if there are any. */
  *flush(): Generator<Uint8Array> {
    if (this.used === 0 || !this.buffer) return;
    const batch = this.buffer.subarray(0, this.used);
    this.turn = (this.turn + 1) % this.buffers.length;
    this.buffer = null;
    this.used = 0;
    yield batch;
  }

  private take(): Uint8Array {
    let buffer = this.buffers[this.turn];
    if (!buffer || buffer.length < this.size) {
      // From the pool: the writer thread takes a batch without a copy, leaving this view empty (`takeBuffer`).
      buffer = takeBuffer(this.size);
      this.buffers[this.turn] = buffer;
    }
    return buffer;
  }
}

/**
 * A sink that writes into `folder` through `effects`, measuring every file as it goes. It keeps a
 * copy of the files it writes, up to `keptBytes` in all, for the zips that read them back: the real
 * editions' zips then read every file from memory, without waiting for the writer thread to put it
 * on the disk first (publication 229 against 187 ms, BENCHMARKS.md); files past the room are read
 * from the disk (a build with a large edition gives the sink no room at all).
 */
export function folderSink(effects: Effects, folder: string, keptBytes = KEPT_BYTES): OutputSink {
  const at = (path: string) => `${folder.replace(/\/+$/, '')}/${path}`;
  const kept = new Map<string, Uint8Array[]>();
  let room = keptBytes;
  // Copies each batch before it goes on (the writer thread may take its memory), while there is room.
  async function* keeping(path: string, batches: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let copies: Uint8Array[] | null = [];
    let size = 0;
    for await (const batch of batches) {
      if (copies && size + batch.length <= room) {
        copies.push(batch.slice());
        size += batch.length;
      } else copies = null;
      yield batch;
    }
    if (copies) {
      kept.set(path, copies);
      room -= size;
    }
  }
  return {
    async write(path, chunks) {
      // A file written again is read back as it is now, from the disk if its new copy does not fit.
      const stale = kept.get(path);
      if (stale) {
        kept.delete(path);
        room += stale.reduce((n, piece) => n + piece.length, 0);
      }
      // A zip is never put in another zip: its CRC-32 is not needed (and is left 0); nor read back.
      const zipped = !path.endsWith('.zip');
      const batches = zipped ? keeping(path, toByteBatches(chunks)) : toByteBatches(chunks);
      if (effects.writeMeasured) return { path, ...(await effects.writeMeasured(at(path), batches, zipped)) };
      const hash = createHash('sha256');
      let crc = 0;
      let bytes = 0;
      async function* measured(): AsyncGenerator<Uint8Array> {
        for await (const batch of batches) {
          hash.update(batch);
          if (zipped) crc = crc32(batch, crc);
          bytes += batch.length;
          yield batch;
        }
      }
      await effects.writeFile(at(path), measured());
      return { path, bytes, sha256: hash.digest('hex'), crc32: crc };
    },
    read(path) {
      const copies = kept.get(path);
      return copies ? fromMemory(copies) : effects.readChunks(at(path));
    },
  };
}

// Bytes of written files a sink keeps for reading back: every file the real editions write before
// their zips (about 9 MB).
const KEPT_BYTES = 1 << 24;

/** The kept pieces of a file, as `readChunks` gives a file's. */
async function* fromMemory(pieces: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* pieces;
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
