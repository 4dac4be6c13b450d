/**
 * The zip timestamp shared by the edition zips and the workbook: MS-DOS fields from the clock's UTC
 * fields, clamped to the years a zip holds, and written over whatever a zip library stamped.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stampZipEntries, toDosDateTime } from '../../pipeline/common/zipTime.js';
import { readZip } from '../helpers.js';

describe('toDosDateTime', () => {
  it('gives the UTC date and time, seconds halved', () => {
    expect(toDosDateTime('2025-04-01T09:30:15Z')).toEqual({ dosDate: (45 << 9) | (4 << 5) | 1, dosTime: (9 << 11) | (30 << 5) | 7 });
  });

  it('clamps a clock outside the years a zip holds (SOURCE_DATE_EPOCH=0) to 1980 and 2107', () => {
    expect(toDosDateTime('1970-01-01T00:00:00Z')).toEqual(toDosDateTime('1980-01-01T00:00:00Z'));
    expect(toDosDateTime('2200-06-01T00:00:00Z')).toEqual(toDosDateTime('2107-12-31T23:59:59Z'));
  });
});

describe('stampZipEntries', () => {
  it('sets every entry’s date and time, in its local header and its central record, to the stamp', async () => {
    const zip = zipSync({ 'a.xml': new TextEncoder().encode('<a/>'), 'dir/b.xml': new TextEncoder().encode('<b/>') }, { mtime: new Date(2001, 1, 3, 4, 5, 6) });
    const stamp = toDosDateTime('2024-03-31T01:30:00Z');
    const entries = await readZip(stampZipEntries(zip, stamp));
    expect(entries.map((e) => [e.name, e.entry.lastModFileDate, e.entry.lastModFileTime])).toEqual([
      ['a.xml', stamp.dosDate, stamp.dosTime],
      ['dir/b.xml', stamp.dosDate, stamp.dosTime],
    ]);
    // Every local header too (a streaming reader reads only those): time at byte 10, date at 12.
    const view = new DataView(zip.buffer, zip.byteOffset);
    const locals: number[][] = [];
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true)) {
      locals.push([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]);
    }
    expect(locals).toEqual([
      [stamp.dosTime, stamp.dosDate],
      [stamp.dosTime, stamp.dosDate],
    ]);
    expect(entries.map((e) => e.data.toString())).toEqual(['<a/>', '<b/>']);
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => stampZipEntries(new Uint8Array(40), toDosDateTime('2025-01-01T00:00:00Z'))).toThrow(/end of central directory/);
  });
});
