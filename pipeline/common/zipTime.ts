/**
 * The one timestamp a reproducible zip gives its entries, as the MS-DOS date and time fields zip
 * headers hold: from the instant's UTC fields, so no machine's time zone (or its daylight-saving
 * gaps) changes the bytes. The edition zips (`toZipChunks`) and the Excel workbook share it.
 */

/** The MS-DOS date and time of a zip entry. */
export interface DosDateTime {
  dosDate: number;
  dosTime: number;
}

// The years an MS-DOS date holds: 1980 plus seven bits.
const FIRST_YEAR = 1980;
const LAST_YEAR = 2107;

/**
 * `timestamp`'s MS-DOS date and time from its UTC fields, clamped to what a zip can hold (a clock
 * before 1980, such as `SOURCE_DATE_EPOCH=0`, stamps 1980-01-01 00:00, as other reproducible zips do).
 */
export function toDosDateTime(timestamp: string): DosDateTime {
  const date = new Date(timestamp);
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR) return { dosDate: (1 << 5) | 1, dosTime: 0 };
  if (year > LAST_YEAR) return { dosDate: ((LAST_YEAR - FIRST_YEAR) << 9) | (12 << 5) | 31, dosTime: (23 << 11) | (59 << 5) | 29 };
  return {
    dosDate: ((year - FIRST_YEAR) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
  };
}

/**
 * The zip `bytes` with every entry's date and time, in its local header and its central-directory
 * record, set to `stamp` (in place). For a zip written by a library that stamps entries from the
 * local clock (fflate): its own stamp is overwritten, whatever it was. The zip has no comment and
 * no Zip64 records (a workbook of a few hundred kilobytes).
 */
export function stampZipEntries(bytes: Uint8Array, stamp: DosDateTime): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) throw new Error('Not a zip without a comment: no end of central directory record at its end');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`No central directory record at byte ${at}`);
    view.setUint16(at + 12, stamp.dosTime, true);
    view.setUint16(at + 14, stamp.dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`No local header at byte ${local}`);
    view.setUint16(local + 10, stamp.dosTime, true);
    view.setUint16(local + 12, stamp.dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}
