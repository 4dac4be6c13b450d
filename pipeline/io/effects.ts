/**
 * The one interface through which the pipeline touches the outside world. The build reads edition
 * folders and writes outputs only through `Effects`, so tests run the whole pipeline in memory with
 * `memoryEffects` and the CLI uses `nodeEffects`.
 */
import { createHash } from 'node:crypto';
import { renameSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { mkdir, open, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { giveBackBuffers, startWriterThread, takeBuffer, type MeasuredFile, type WriterThread } from './writerThread.js';

/**
 * How many pieces of a file may be on their way to the disk while the next is made: enough that a
 * slow disk does not stop the build, which meanwhile makes the next pieces (see `Effects.writeFile`).
 */
export const PIECES_IN_FLIGHT = 3;

/** An entry of a directory listing. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

/** File-system operations the build needs; paths are joined with `/`. */
export interface Effects {
  /** Lists a directory, or returns null when it does not exist. */
  listDirectory(path: string): Promise<DirectoryEntry[] | null>;
  /** Reads a file, or returns null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>;
  /**
   * Writes a file, creating its parent folders. Large files come as a sequence of pieces; a piece's
   * memory may be reused by its producer once `PIECES_IN_FLIGHT` more pieces have been asked for, so
   * a piece must be written (or copied) by then.
   */
  writeFile(path: string, data: string | Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  /**
   * Writes a file as `writeFile` does and measures it on the way (size, SHA-256, and CRC-32 when
   * `crc`), where the effects can do both off the main thread (`nodeEffects`: the writer thread).
   * Without it the sink measures the pieces itself and calls `writeFile`.
   */
  writeMeasured?(path: string, data: AsyncIterable<Uint8Array>, crc: boolean): Promise<MeasuredFile>;
  /** Starts, ahead of the first file, what `writeMeasured` needs (the writer thread takes a while to start). */
  startWriting?(): void;
  /**
   * Reads a file back in pieces (for files too large to hold at once: the zip re-reads them); a
   * piece's memory is reused once `PIECES_IN_FLIGHT` more pieces have been asked for.
   */
  readChunks(path: string): AsyncIterable<Uint8Array>;
  /** True when a file or folder exists at the path. */
  exists(path: string): Promise<boolean>;
  /**
   * The path with every symbolic link of its existing part resolved (the part that does not exist
   * yet kept as given), absolute; without it paths are compared as given (an in-memory tree has no links).
   */
  realPath?(path: string): Promise<string>;
  /** Renames a file or folder (atomic within one file system). */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or folder with everything in it; nothing happens when it does not exist. */
  remove(path: string): Promise<void>;
}

/**
 * Fault injection for the kill test (`test/writeAtomically.test.ts`), off unless the environment sets
 * `HADANO_FAULT_KILL` to `write:N` or `rename:N`: the process then kills itself (SIGKILL, as a
 * crash or `kill -9` would) as its Nth file write or Nth rename starts, so the test stops a real build
 * at an exact point — mid-output, or between the swap's two renames — with no timers.
 */
const FAULT = /^(write|rename):([1-9]\d*)$/.exec(process.env.HADANO_FAULT_KILL ?? '');
let faultCount = 0;
function faultPoint(kind: 'write' | 'rename'): void {
  if (FAULT && FAULT[1] === kind && ++faultCount === Number(FAULT[2])) process.kill(process.pid, 'SIGKILL');
}

/** Measures a small file's pieces (size, SHA-256, and CRC-32 when `crc`) on this thread (see `Effects.writeMeasured`). */
function measure(pieces: readonly Uint8Array[], crc: boolean): MeasuredFile {
  const hash = createHash('sha256');
  let sum = 0;
  let bytes = 0;
  for (const piece of pieces) {
    hash.update(piece);
    if (crc) sum = crc32(piece, sum);
    bytes += piece.length;
  }
  return { bytes, sha256: hash.digest('hex'), crc32: sum };
}

/** The writer thread of `nodeEffects`, started with the first file it measures. */
let writer: WriterThread | null = null;

/** Waits for the small files queued on the writer thread, if there is one (see `WriterThread.settle`). */
async function settle(): Promise<void> {
  if (writer) await writer.settle();
}

/** Effects on the real file system. */
export const nodeEffects: Effects = {
  async listDirectory(path) {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async readFile(path) {
    await settle();
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async writeFile(path, data) {
    faultPoint('write');
    await mkdir(dirname(path), { recursive: true });
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await writeFile(path, data);
      return;
    }
    const file = await open(path, 'w');
    // Each piece at its own position, so several writes can be in flight at once.
    const writeAt = async (piece: Uint8Array, position: number) => {
      for (let at = 0; at < piece.length; ) at += (await file.write(piece, at, piece.length - at, position + at)).bytesWritten;
    };
    const writing: Promise<void>[] = [];
    let position = 0;
    try {
      // Up to PIECES_IN_FLIGHT writes on their way while the next piece is made, so making and
      // writing overlap; the oldest is done before more are asked for, as the producers' reuse of
      // memory requires.
      for await (const piece of data) {
        const write = writeAt(piece, position);
        // Marked as handled now: a later write may fail while an earlier one is awaited, and its
        // error must reach the caller through the await below, not end the process.
        write.catch(() => {});
        writing.push(write);
        position += piece.length;
        if (writing.length >= PIECES_IN_FLIGHT) await writing.shift();
      }
      await Promise.all(writing);
    } finally {
      // A failed piece leaves the other writes to finish before the file is closed.
      await Promise.allSettled(writing);
      await file.close();
    }
  },
  startWriting() {
    writer ??= startWriterThread();
  },
  async writeMeasured(path, data, crc) {
    faultPoint('write');
    writer ??= startWriterThread();
    // A file that ends within its first pieces (up to 448 KiB: most files) is measured here at once
    // (handing it to the thread and waiting for its answer took longer than that) and copied into a
    // batch of small files the thread writes together, unwaited: writing 62,000 project pages one by
    // one took the main thread 9 s at 1000×. Whatever reads, renames or removes files waits for them.
    const pieces = data[Symbol.asyncIterator]();
    const head: Uint8Array[] = [];
    while (head.length < PIECES_IN_FLIGHT) {
      const next = await pieces.next();
      if (next.done) {
        const measured = measure(head, crc);
        await writer.writeSmall(path, head);
        giveBackBuffers(head);
        return measured;
      }
      head.push(next.value);
    }
    return writer.write(
      path,
      (async function* () {
        yield* head;
        for (let next = await pieces.next(); !next.done; next = await pieces.next()) yield next.value;
      })(),
      crc,
    );
  },
  async *readChunks(path) {
    await settle();
    const file = await open(path, 'r');
    try {
      // A few buffers in turn for the whole file (fresh buffers per piece would each be garbage to
      // collect), no larger than the file: most files are small. From the pool: the writer thread
      // takes a piece without a copy and gives its buffer back, leaving the view here empty.
      const size = Math.max(1, Math.min(1 << 22, (await file.stat()).size));
      const buffers: Uint8Array[] = [];
      for (let n = 0; ; n++) {
        const turn = n % (PIECES_IN_FLIGHT + 1);
        if (!buffers[turn]?.length) buffers[turn] = takeBuffer(size);
        const buffer = buffers[turn]!;
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) return;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await file.close();
    }
  },
  async exists(path) {
    await settle();
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  },
  async realPath(path) {
    // The nearest folder that exists, links resolved, and the rest of the path as given.
    let head = resolve(path);
    const rest: string[] = [];
    for (;;) {
      try {
        return join(await realpath(head), ...rest.reverse());
      } catch {
        const parent = dirname(head);
        if (parent === head) return resolve(path);
        rest.push(basename(head));
        head = parent;
      }
    }
  },
  async rename(from, to) {
    // Synchronous, so the swap's two renames follow each other with no wait between them: a build
    // killed in that gap leaves the output beside its place (repaired by the next build). The small
    // files are all written before the first (the second has none left to wait for).
    await settle();
    faultPoint('rename');
    renameSync(from, to);
  },
  async remove(path) {
    await settle();
    await rm(path, { recursive: true, force: true });
  },
};

/** In-memory effects over a map of path → bytes, for tests; `files` holds what was written too. */
export function memoryEffects(initial: Record<string, string | Uint8Array> = {}): Effects & { files: Map<string, Uint8Array> } {
  const encode = (data: string | Uint8Array) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
  const files = new Map<string, Uint8Array>(Object.entries(initial).map(([k, v]) => [normalize(k), encode(v)]));
  return {
    files,
    async listDirectory(path) {
      const prefix = normalize(path) + '/';
      const names = new Map<string, boolean>();
      for (const key of files.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const [head, ...tail] = rest.split('/');
        names.set(head!, (names.get(head!) ?? false) || tail.length > 0);
      }
      if (names.size === 0) return null;
      return [...names].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    async readFile(path) {
      return files.get(normalize(path)) ?? null;
    },
    async writeFile(path, data) {
      if (typeof data === 'string' || data instanceof Uint8Array) {
        files.set(normalize(path), encode(data));
        return;
      }
      const chunks: Uint8Array[] = [];
      // Copied: the producer may reuse a piece's memory for the next one.
      for await (const chunk of data) chunks.push(new Uint8Array(chunk));
      files.set(normalize(path), new Uint8Array(Buffer.concat(chunks)));
    },
    async *readChunks(path) {
      const data = files.get(normalize(path));
      if (!data) throw new Error(`No file ${path}`);
      yield data;
    },
    async exists(path) {
      const key = normalize(path);
      return files.has(key) || [...files.keys()].some((k) => k.startsWith(`${key}/`));
    },
    async rename(from, to) {
      const [source, target] = [normalize(from), normalize(to)];
      for (const [key, value] of [...files]) {
        if (key === source || key.startsWith(`${source}/`)) {
          files.delete(key);
          files.set(target + key.slice(source.length), value);
        }
      }
    },
    async remove(path) {
      const key = normalize(path);
      for (const k of [...files.keys()]) if (k === key || k.startsWith(`${key}/`)) files.delete(k);
    },
  };
}

function normalize(path: string): string {
  return join(path).replace(/\/+$/, '');
}
