/**
 * The workbook thread (`workbookThread.ts`): started from the compiled CLI's `workbookWorker.js` (the
 * global setup compiles it), it makes the same bytes as `toWorkbook` on the calling thread, several
 * requests at once each answered with its own workbook, and ends when closed; without a compiled module
 * it makes them inline.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, ROOT } from '../../../pipeline/cli/compile.js';
import { toCsvTableSpecs } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { toWorkbook } from '../../../pipeline/outputs/csv/toWorkbook.js';
import { inlineWorkbooks, startWorkbookThread, WORKBOOK_WORKER } from '../../../pipeline/outputs/csv/workbookThread.js';
import { builtSeeds, TEST_DATE } from '../../helpers.js';

const tablesOf = async () => {
  const { result } = await builtSeeds();
  return result.editions.map((e) => toCsvTableSpecs(e.plan!).map(({ rows, eachRow: _eachRow, ...description }) => ({ ...description, rows: rows() })));
};

describe('the workbook thread', () => {
  it('makes the same bytes as toWorkbook on this thread, each request its own workbook', async () => {
    const editions = await tablesOf();
    const thread = startWorkbookThread(pathToFileURL(join(ROOT, BUILD_DIR, WORKBOOK_WORKER)));
    expect(thread).not.toBe(inlineWorkbooks);
    const made = await Promise.all(editions.map((tables) => thread.make(tables, TEST_DATE)));
    for (const [i, tables] of editions.entries()) expect(Buffer.from(made[i]!).equals(Buffer.from(await toWorkbook(tables, TEST_DATE)))).toBe(true);
    expect(Buffer.from(made[0]!).equals(Buffer.from(made[1]!))).toBe(false);
    // Closed, the thread ends; asked again all the same, the maker makes the workbook inline.
    thread.close();
    expect(Buffer.from(await thread.make(editions[0]!, TEST_DATE)).equals(Buffer.from(made[0]!))).toBe(true);
  }, 60_000);

  it('makes them inline when there is no compiled module', async () => {
    const [tables] = await tablesOf();
    const maker = startWorkbookThread(pathToFileURL(join(ROOT, BUILD_DIR, 'no-such-worker.js')));
    expect(maker).toBe(inlineWorkbooks);
    expect(Buffer.from(await maker.make(tables!, TEST_DATE)).equals(Buffer.from(await toWorkbook(tables!, TEST_DATE)))).toBe(true);
  }, 60_000);
});
