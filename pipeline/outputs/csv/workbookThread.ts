/**
 * Stage `csv`'s workbooks made on the second core: loading exceljs and making the real editions'
 * two workbooks took about 0.35 s of a 0.9 s build on the main thread, which meanwhile makes every
 * other output. The thread runs the same `toWorkbook` (so the same bytes); it is started from the
 * compiled CLI's `workbookWorker.js`, and where there is none (the TypeScript run directly) the
 * workbooks are made on the main thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toWorkbook, type WorkbookTable } from './toWorkbook.js';
import type { CsvTableDescription, CsvValue } from './toCsvTables.js';

/** The compiled workbook thread's file, beside the compiled CLI (`compile.ts` bundles `workbookWorker.ts` into it). */
export const WORKBOOK_WORKER = 'workbookWorker.js';

/** A table as sent to the thread: its description and every row (plain data, copied to the thread). */
export type WorkbookTableData = CsvTableDescription & { rows: CsvValue[][] };

/** A request to the workbook thread. */
export interface WorkbookRequest {
  id: number;
  tables: WorkbookTableData[];
  date: string;
}

/** The thread's answer: the workbook's bytes, or why it could not be made. */
export interface WorkbookReply {
  id: number;
  bytes: Uint8Array | null;
  error: string | null;
}

/** Makes workbooks (`toWorkbook`), on a thread of its own or on this one. */
export interface WorkbookMaker {
  /** The workbook of `tables`, as `toWorkbook(tables, date)` makes it. */
  make(tables: WorkbookTableData[], date: string): Promise<Uint8Array>;
  /** No more workbooks will be asked for: a thread ends once it has answered (its memory is freed). */
  close(): void;
}

/** Makes each workbook on the calling thread. */
export const inlineWorkbooks: WorkbookMaker = {
  make: (tables: readonly WorkbookTable[], date: string) => toWorkbook(tables, date),
  close: () => {},
};

/**
 * Starts the workbook thread from `script` (the compiled `workbookWorker.js`), or returns the
 * inline maker when there is no such file. The thread loads exceljs at once; it keeps the process
 * alive only while a workbook is being made.
 */
export function startWorkbookThread(script: URL): WorkbookMaker {
  if (!existsSync(fileURLToPath(script))) return inlineWorkbooks;
  const worker = new Worker(script);
  const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let crashed: Error | null = null;
  let closing = false;
  let ended = false;
  // Ended, not only unreferenced: the thread's heap (exceljs and its workbooks) is given back
  // before the rest of the build reaches its peak (8 MB less at a real build's peak, measured).
  const endIfDone = () => {
    if (!closing || waiting.size > 0 || ended) return;
    ended = true;
    void worker.terminate();
  };
  worker.on('message', ({ id, bytes, error }: WorkbookReply) => {
    const request = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    endIfDone();
    if (bytes) request?.resolve(bytes);
    else request?.reject(new Error(`The workbook thread could not make a workbook: ${error}`));
  });
  worker.on('error', (error) => {
    crashed = error;
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  });
  // A thread that stops without an error (never expected) must not leave a build waiting for ever.
  worker.on('exit', () => {
    ended = true;
    crashed ??= new Error('The workbook thread stopped');
    for (const request of waiting.values()) request.reject(crashed);
    waiting.clear();
  });
  // Unreferenced after its listeners are attached, so a build that needs no workbook still exits.
  worker.unref();
  return {
    make(tables, date) {
      // Asked again after it ended (a second build with the same maker): made here instead.
      if (ended && closing) return toWorkbook(tables, date);
      if (crashed) return Promise.reject(crashed);
      const id = nextId++;
      worker.ref();
      const made = new Promise<Uint8Array>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, tables, date } satisfies WorkbookRequest);
      return made;
    },
    close() {
      closing = true;
      endIfDone();
    },
  };
}
