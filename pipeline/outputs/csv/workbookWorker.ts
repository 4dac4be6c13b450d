/**
 * The workbook thread's body (`workbookThread.ts`), a module of its own so the compiled CLI has it as
 * a file to start (`.build/workbookWorker.js`): it loads exceljs as it starts, while the main thread
 * reads the texts, then makes each workbook it is sent, one at a time, and sends its bytes back.
 */
import { parentPort } from 'node:worker_threads';
import { loadWorkbookLibraries, toWorkbook } from './toWorkbook.js';
import type { WorkbookReply, WorkbookRequest } from './workbookThread.js';

// Loaded now, not with the first request: by then the main thread has read and checked the texts.
const loading = loadWorkbookLibraries();
let queue: Promise<unknown> = loading;

parentPort!.on('message', ({ id, tables, date }: WorkbookRequest) => {
  // One workbook at a time (exceljs's zip library's date is set for one write at a time).
  queue = queue.then(async () => {
    let reply: WorkbookReply;
    try {
      const bytes = await toWorkbook(tables, date);
      reply = { id, bytes, error: null };
    } catch (error) {
      reply = { id, bytes: null, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(reply, reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
  });
});
