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
type ToWriter = { type: 'open'; id: number; path: string; crc: boolean } | { type: 'piece'; id: number; piece: Uint8Array; moved: boolean } | { type: 'close'; id: number };

/** A file-system error as the thread reports it (an Error's own fields do not cross threads). */
interface ThreadError {
  message: string;
  code?: string;
  path?: string;
  syscall?: string;
}

/** A message from the writer thread. */
type FromWriter = { type: 'ack'; id: number; failed: boolean; buffer: ArrayBuffer | null } | { type: 'closed'; id: number; file: MeasuredFile | null; error: ThreadError | null };

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
 * The thread's body, started from its source text (`eval`), so the same code runs under the compiled
 * CLI, tsx and the tests: it may use nothing from this module, only Node's own modules.
 * One file at a time per id: opened, each piece hashed and written in order, closed with its facts.
 */
function runWriter(): void {
  // Node's own modules by name: a bundler rewrites `require` and `import`, never this.
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const { closeSync, mkdirSync, openSync, writeSync } = process.getBuiltinModule('node:fs');
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
    if (message.type === 'open') {
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
  worker.on('message', (message: FromWriter) => {
    const file = pending.get(message.id);
    if (!file) return;
    if (message.type === 'ack') {
      if (message.buffer) {
        const free = pool.get(message.buffer.byteLength) ?? [];
        if (free.length < 8) free.push(message.buffer);
        pool.set(message.buffer.byteLength, free);
      }
      file.acked++;
      file.failed ||= message.failed;
      file.onAck?.();
    } else {
      pending.delete(message.id);
      if (pending.size === 0) worker.unref();
      file.onClosed(message);
    }
  });
  worker.on('error', (error) => {
    crashed = error;
    for (const file of pending.values()) file.onClosed({ type: 'closed', id: -1, file: null, error: { message: `writer thread failed: ${error.message}` } });
    pending.clear();
  });
  // Unreferenced after its listeners are attached: attaching a 'message' listener references the
  // thread again, and a build that fails before its first file would then never exit.
  worker.unref();
  const post = (message: ToWriter) => worker.postMessage(message);
  return {
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
