/**
 * The writer thread: measures (size, SHA-256, CRC-32) and writes the build's files on the second core
 * while the main thread makes the next pieces. At 1000× hashing and writing the 8 GB of outputs and
 * zip took about a quarter of the main thread's time. Pieces in buffers of the pool (`takeBuffer`:
 * the batches of `writeOutput.ts`, the buffers `readChunks` reads into) are moved to the thread and
 * back, never copied; other pieces (a zip's headers) are copied.
 */
import { Worker } from 'node:worker_threads';
import { PIECES_IN_FLIGHT } from './effects.js';

/** The facts of a file measured as it was written. */
export interface MeasuredFile {
  bytes: number;
  /** SHA-256, hexadecimal. */
  sha256: string;
  /** CRC-32, or 0 when not asked for. */
  crc32: number;
}

/** A message to the writer thread (`moved`: the piece's buffer was moved to the thread, to be given back). */
type ToWriter =
  | { type: 'open'; id: number; path: string; crc: boolean }
  | { type: 'piece'; id: number; piece: Uint8Array; moved: boolean }
  | { type: 'close'; id: number }
  | { type: 'files'; buffer: ArrayBuffer; files: SmallFile[] };

/** A small file in a batch (`files`): its path and its bytes' place in the batch's buffer. */
interface SmallFile {
  path: string;
  start: number;
  end: number;
}

/** A file-system error as the thread reports it (an Error's own fields do not cross threads). */
interface ThreadError {
  message: string;
  code?: string;
  path?: string;
  syscall?: string;
}

/** A message from the writer thread. */
type FromWriter =
  | { type: 'ack'; id: number; failed: boolean; buffer: ArrayBuffer | null }
  | { type: 'closed'; id: number; file: MeasuredFile | null; error: ThreadError | null }
  | { type: 'written'; buffer: ArrayBuffer; error: ThreadError | null };

// Bytes of small files sent to the thread at once: one message for dozens of pages.
const SMALL_BATCH_BYTES = 1 << 20;
// Batches on their way at most: when the thread falls behind (the disk, or a core taken by another
// process), the main thread waits instead of queueing every page of the build in memory.
const SMALL_BATCHES_IN_FLIGHT = 8;

/** Free buffers by size: the pieces' memory, moved to the thread and given back, never collected. */
const pool = new Map<number, ArrayBuffer[]>();
/** The buffers that belong to the pool (only those are moved to the thread). */
const pooled = new WeakSet<ArrayBuffer>();

/**
 * A buffer of `size` bytes for pieces of a file: from the pool when one is free. Such a piece is
 * moved to the writer thread, not copied, and its buffer comes back to the pool once written; the
 * producer then finds its own view of it empty (`length` 0) and takes another.
 */
export function takeBuffer(size: number): Uint8Array {
  const buffer = pool.get(size)?.pop() ?? new ArrayBuffer(size);
  pooled.add(buffer);
  return new Uint8Array(buffer);
}

/**
 * Gives the buffers of pieces written on the main thread back to the pool, once their file is written
 * and its producers are done with them (each buffer once): a small file's pieces are written there,
 * and without this each small file left its 64 KiB buffers to the collector (62,000 project pages at 1000×).
 */
export function giveBackBuffers(pieces: readonly Uint8Array[]): void {
  for (const buffer of new Set(pieces.map((p) => p.buffer as ArrayBuffer).filter((b) => pooled.has(b)))) release(buffer);
}

/** Puts a buffer back in the pool (at most 8 free per size: the rest are left to the collector). */
function release(buffer: ArrayBuffer): void {
  const free = pool.get(buffer.byteLength) ?? [];
  if (free.length < 8) free.push(buffer);
  pool.set(buffer.byteLength, free);
}

/**
 * The thread's body, started from its source text (`eval`), so the same code runs under the compiled
 * CLI, tsx and the tests: it may use nothing from this module, only Node's own modules.
 * One file at a time per id: opened, each piece hashed and written in order, closed with its facts.
 */
function runWriter(): void {
  // Node's own modules by name: a bundler rewrites `require` and `import`, never this.
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const { closeSync, mkdirSync, openSync, writeFileSync, writeSync } = process.getBuiltinModule('node:fs');
  const { createHash } = process.getBuiltinModule('node:crypto');
  const { crc32 } = process.getBuiltinModule('node:zlib');
  const { dirname } = process.getBuiltinModule('node:path');
  interface Open {
    fd: number | null;
    hash: import('node:crypto').Hash;
    crc: boolean;
    crc32: number;
    bytes: number;
    error: ThreadError | null;
  }
  const files = new Map<number, Open>();
  const failure = (error: unknown): ThreadError => {
    const e = error as NodeJS.ErrnoException;
    return { message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.path ? { path: e.path } : {}), ...(e.syscall ? { syscall: e.syscall } : {}) };
  };
  parentPort!.on('message', (message: ToWriter) => {
    if (message.type === 'files') {
      // Each file of the batch, its folder made only when the write finds none (not once per file).
      const bytes = new Uint8Array(message.buffer);
      let error: ThreadError | null = null;
      for (const file of message.files) {
        const data = bytes.subarray(file.start, file.end);
        try {
          try {
            writeFileSync(file.path, data);
          } catch (missing) {
            if ((missing as NodeJS.ErrnoException).code !== 'ENOENT') throw missing;
            mkdirSync(dirname(file.path), { recursive: true });
            writeFileSync(file.path, data);
          }
        } catch (failed) {
          error ??= failure(failed);
        }
      }
      parentPort!.postMessage({ type: 'written', buffer: message.buffer, error } satisfies FromWriter, [message.buffer]);
    } else if (message.type === 'open') {
      const file: Open = { fd: null, hash: createHash('sha256'), crc: message.crc, crc32: 0, bytes: 0, error: null };
      try {
        mkdirSync(dirname(message.path), { recursive: true });
        file.fd = openSync(message.path, 'w');
      } catch (error) {
        file.error = failure(error);
      }
      files.set(message.id, file);
    } else if (message.type === 'piece') {
      const file = files.get(message.id)!;
      const piece = message.piece;
      if (!file.error) {
        try {
          file.hash.update(piece);
          if (file.crc) file.crc32 = crc32(piece, file.crc32);
          for (let at = 0; at < piece.length; ) at += writeSync(file.fd!, piece, at, piece.length - at);
          file.bytes += piece.length;
        } catch (error) {
          file.error = failure(error);
        }
      }
      const buffer = message.moved ? (piece.buffer as ArrayBuffer) : null;
      parentPort!.postMessage({ type: 'ack', id: message.id, failed: file.error !== null, buffer } satisfies FromWriter, buffer ? [buffer] : []);
    } else {
      const file = files.get(message.id)!;
      files.delete(message.id);
      try {
        if (file.fd !== null) closeSync(file.fd);
      } catch (error) {
        file.error ??= failure(error);
      }
      const measured = file.error ? null : { bytes: file.bytes, sha256: file.hash.digest('hex'), crc32: file.crc32 };
      parentPort!.postMessage({ type: 'closed', id: message.id, file: measured, error: file.error } satisfies FromWriter);
    }
  });
}

/** The state of one file on its way through the thread, on the main thread's side. */
interface Pending {
  acked: number;
  failed: boolean;
  onAck: (() => void) | null;
  onClosed: (message: Extract<FromWriter, { type: 'closed' }>) => void;
}

/** Writes files through a thread of its own; see `startWriterThread`. */
export interface WriterThread {
  /** Writes `pieces` to `path` (creating its folders) and measures them; CRC-32 only when `crc`. */
  write(path: string, pieces: AsyncIterable<Uint8Array>, crc: boolean): Promise<MeasuredFile>;
  /**
   * Queues a small file (its pieces copied: their memory is free again at once) to be written with
   * others in one message; `settle` waits for it. Its folders are made as needed.
   */
  writeSmall(path: string, pieces: readonly Uint8Array[]): Promise<void>;
  /** Waits until every queued small file is written; rejects, once, with the first that could not be. */
  settle(): Promise<void>;
}

/**
 * Starts the writer thread. It keeps the process alive only while a file is on its way. At most
 * `PIECES_IN_FLIGHT` pieces of a file are on their way at once (a copied piece's memory is free again
 * once that many more were asked for, the producers' contract, `Effects.writeFile`).
 */
export function startWriterThread(): WriterThread {
  // `__name`: the helper with which tsx (esbuild's keepNames) names functions inside the body.
  const worker = new Worker(`const __name = (target) => target;\n(${runWriter.toString()})()`, { eval: true });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let crashed: Error | null = null;
  // Small files: the batch being filled, the batches on their way, the first failure, who waits.
  let batch: { buffer: Uint8Array; used: number; files: SmallFile[] } | null = null;
  let batchesOut = 0;
  let smallError: ThreadError | null = null;
  let settled: (() => void)[] = [];
  let roomMade: (() => void)[] = [];
  const makeRoom = () => {
    for (const resolve of roomMade) resolve();
    roomMade = [];
  };
  const idle = () => pending.size === 0 && batchesOut === 0;
  const sendBatch = () => {
    if (!batch) return;
    const { buffer, files } = batch;
    batch = null;
    batchesOut++;
    worker.ref();
    pooled.delete(buffer.buffer as ArrayBuffer);
    worker.postMessage({ type: 'files', buffer: buffer.buffer as ArrayBuffer, files } satisfies ToWriter, [buffer.buffer as ArrayBuffer]);
  };
  worker.on('message', (message: FromWriter) => {
    if (message.type === 'written') {
      pooled.add(message.buffer);
      release(message.buffer);
      smallError ??= message.error;
      batchesOut--;
      makeRoom();
      if (batchesOut === 0) {
        for (const resolve of settled) resolve();
        settled = [];
      }
      if (idle()) worker.unref();
      return;
    }
    const file = pending.get(message.id);
    if (!file) return;
    if (message.type === 'ack') {
      if (message.buffer) release(message.buffer);
      file.acked++;
      file.failed ||= message.failed;
      file.onAck?.();
    } else {
      pending.delete(message.id);
      if (idle()) worker.unref();
      file.onClosed(message);
    }
  });
  worker.on('error', (error) => {
    crashed = error;
    for (const file of pending.values()) file.onClosed({ type: 'closed', id: -1, file: null, error: { message: `writer thread failed: ${error.message}` } });
    pending.clear();
    if (batchesOut > 0) smallError ??= { message: `writer thread failed: ${error.message}` };
    batchesOut = 0;
    for (const resolve of settled) resolve();
    settled = [];
    makeRoom();
  });
  // Unreferenced after its listeners are attached: attaching a 'message' listener references the
  // thread again, and a build that fails before its first file would then never exit.
  worker.unref();
  const post = (message: ToWriter) => worker.postMessage(message);
  return {
    async writeSmall(path, pieces) {
      const size = pieces.reduce((n, p) => n + p.length, 0);
      if (batch && batch.used + size > batch.buffer.length) {
        sendBatch();
        while (batchesOut >= SMALL_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => roomMade.push(resolve));
      }
      batch ??= { buffer: takeBuffer(Math.max(SMALL_BATCH_BYTES, size)), used: 0, files: [] };
      const start = batch.used;
      for (const piece of pieces) {
        batch.buffer.set(piece, batch.used);
        batch.used += piece.length;
      }
      batch.files.push({ path, start, end: batch.used });
    },
    async settle() {
      if (crashed && batch) smallError ??= { message: `writer thread failed: ${(crashed as Error).message}` };
      else sendBatch();
      if (batchesOut > 0) await new Promise<void>((resolve) => settled.push(resolve));
      const error = smallError;
      smallError = null;
      if (error) throw Object.assign(new Error(error.message), error);
    },
    async write(path, pieces, crc) {
      if (crashed) throw crashed;
      const id = nextId++;
      let closed!: Promise<Extract<FromWriter, { type: 'closed' }>>;
      const file: Pending = { acked: 0, failed: false, onAck: null, onClosed: () => {} };
      closed = new Promise((resolve) => (file.onClosed = resolve));
      pending.set(id, file);
      worker.ref();
      post({ type: 'open', id, path, crc });
      let sent = 0;
      try {
        for await (const piece of pieces) {
          const moved = pooled.has(piece.buffer as ArrayBuffer);
          if (moved) pooled.delete(piece.buffer as ArrayBuffer);
          worker.postMessage({ type: 'piece', id, piece, moved } satisfies ToWriter, moved ? [piece.buffer as ArrayBuffer] : []);
          sent++;
          while (sent - file.acked >= PIECES_IN_FLIGHT && !file.failed) await new Promise<void>((resolve) => (file.onAck = resolve));
          file.onAck = null;
          if (file.failed) break;
        }
      } finally {
        // Closed whatever happened, so the thread forgets the file (a producer's error still reaches the caller).
        post({ type: 'close', id });
      }
      const result = await closed;
      if (result.error) throw Object.assign(new Error(result.error.message), result.error);
      return result.file!;
    },
  };
}
