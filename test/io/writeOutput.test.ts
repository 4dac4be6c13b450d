import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryEffects, nodeEffects } from '../../pipeline/io/effects.js';
import { describeFile } from '../../pipeline/publish/toPackage.js';
import { folderSink, measuringSink, toByteBatches } from '../../pipeline/io/writeOutput.js';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  // Copied: a batch's memory is reused for the next.
  for await (const part of source) parts.push(new Uint8Array(part));
  return Buffer.concat(parts);
}

describe('toByteBatches', () => {
  it('encodes a character that crosses a batch boundary whole, and pieces larger than a batch', async () => {
    const boundary = `${'a'.repeat((1 << 22) - 1)}秦野市`;
    const large = '計画'.repeat(3_000_000);
    const text = `${boundary}${large}x`;
    const bytes = await collect(toByteBatches([boundary, large, 'x']));
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(bytes.toString('utf8')).toBe(text);
  });

  it('copies small pieces of bytes into a batch and passes large ones through', async () => {
    const headers = Array.from({ length: 200 }, (_, i) => new Uint8Array(30).fill(i));
    const large = new Uint8Array((1 << 16) + 1).fill(7);
    const pieces = [...headers, large, ...headers];
    const batches: Uint8Array[] = [];
    for await (const batch of toByteBatches(pieces)) batches.push(new Uint8Array(batch));
    // 200 headers of 30 bytes fit one 64 KiB batch: one piece before the large one, which passes as it is, one after.
    expect(batches.map((b) => b.length)).toEqual([6000, large.length, 6000]);
    expect(Buffer.concat(batches).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('encodes text pieces and bytes in order, as UTF-8', async () => {
    const pieces = ['秦野', 'a'.repeat(1 << 20), new Uint8Array([0xe5, 0xb8, 0x82]), '\r\n'];
    const bytes = await collect(toByteBatches(pieces));
    expect(bytes.toString('utf8')).toBe(`秦野${'a'.repeat(1 << 20)}市\r\n`);
  });
});

describe('folderSink', () => {
  it('writes the pieces under its folder and measures what it wrote', async () => {
    const effects = memoryEffects();
    const sink = folderSink(effects, 'out.building');
    const file = await sink.write('2025-03/plan.nq', (function* () {
      for (let i = 0; i < 50_000; i++) yield `<https://example.org/${i}> <https://example.org/p> "秦野市" .\n`;
    })());
    const written = effects.files.get('out.building/2025-03/plan.nq')!;
    expect(file).toEqual(describeFile({ path: '2025-03/plan.nq', data: written }));
    expect(written.length).toBeGreaterThan(1 << 20);
    expect((await collect(sink.read('2025-03/plan.nq'))).equals(Buffer.from(written))).toBe(true);
  });

  it('reads written files back from memory while they fit its room, then from the folder', async () => {
    const effects = memoryEffects();
    const fromDisk: string[] = [];
    const readChunks = effects.readChunks.bind(effects);
    effects.readChunks = (path) => {
      fromDisk.push(path);
      return readChunks(path);
    };
    const sink = folderSink(effects, 'out.building', 100);
    await sink.write('a.csv', ['x'.repeat(60)]);
    await sink.write('b.csv', ['y'.repeat(60)]);
    await sink.write('c.zip', [new Uint8Array(10)]);
    expect((await collect(sink.read('a.csv'))).toString()).toBe('x'.repeat(60));
    expect((await collect(sink.read('b.csv'))).toString()).toBe('y'.repeat(60));
    expect((await collect(sink.read('c.zip'))).length).toBe(10);
    // a.csv took 60 of the 100 bytes; b.csv did not fit, and a zip is never kept (never read into another).
    expect(fromDisk).toEqual(['out.building/b.csv', 'out.building/c.zip']);
    // Written again, larger than the room: read back as it is now.
    await sink.write('a.csv', ['z'.repeat(120)]);
    expect((await collect(sink.read('a.csv'))).toString()).toBe('z'.repeat(120));
  });

  it('streams through the real file system: what is read back is what was measured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    try {
      const sink = folderSink(nodeEffects, dir);
      const pieces = Array.from({ length: 3000 }, (_, i) => `${i}行目：計画\n`.repeat(100));
      const file = await sink.write('a/b.txt', pieces);
      const onDisk = readFileSync(join(dir, 'a/b.txt'));
      expect(onDisk.toString('utf8')).toBe(pieces.join(''));
      expect(file).toEqual(describeFile({ path: 'a/b.txt', data: new Uint8Array(onDisk) }));
      expect((await collect(sink.read('a/b.txt'))).equals(onDisk)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes small files in batches on the writer thread: on disk, in new folders, once anything reads, renames or removes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    try {
      const sink = folderSink(nodeEffects, `${dir}/out.building`);
      // More than one batch of small files, in folders made as they are written.
      const texts = Array.from({ length: 300 }, (_, i) => `<p>${i}：秦野市</p>\n`.repeat(i * 20));
      const files = [];
      for (const [i, text] of texts.entries()) files.push(await sink.write(`project/${i % 3}/${i}.html`, [text]));
      expect((await collect(sink.read('project/2/299.html'))).toString('utf8')).toBe(texts[299]);
      await nodeEffects.rename(`${dir}/out.building`, `${dir}/out`);
      for (const [i, text] of texts.entries()) {
        const onDisk = readFileSync(join(dir, 'out', `project/${i % 3}/${i}.html`));
        expect(onDisk.toString('utf8')).toBe(text);
        expect(files[i]).toEqual(describeFile({ path: `project/${i % 3}/${i}.html`, data: new Uint8Array(onDisk) }));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a small file that could not be written when the build next waits for its files, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    try {
      writeFileSync(join(dir, 'taken'), 'a file where a folder should be');
      const sink = folderSink(nodeEffects, dir);
      await sink.write('taken/page.html', ['<p>秦野</p>']);
      await expect(nodeEffects.exists(join(dir, 'taken'))).rejects.toMatchObject({ code: 'ENOTDIR' });
      expect(await nodeEffects.exists(join(dir, 'taken'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('measuringSink', () => {
  it('runs the pieces and counts their bytes without writing', async () => {
    let ran = false;
    const file = await measuringSink().write('x.json', (function* () {
      yield '秦野';
      ran = true;
    })());
    expect(ran).toBe(true);
    expect(file.bytes).toBe(6);
  });
});
