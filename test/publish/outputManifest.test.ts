import { describe, expect, it } from 'vitest';
import { mediaTypeOf, OUTPUT_KINDS, outputKindOf, SHARED_OUTPUT_KINDS } from '../../pipeline/publish/outputManifest.js';
import { builtSeeds } from '../helpers.js';

describe('the output manifest', () => {
  it('names a kind for every file it lists, and each such file is published by both real editions', async () => {
    const { files } = await builtSeeds();
    for (const edition of ['2021', '2025-03']) {
      const inEdition = [...files.keys()].filter((p) => p.startsWith(`out/${edition}/`)).map((p) => p.slice(`out/${edition}/`.length));
      for (const kind of OUTPUT_KINDS) expect([String(kind.path), inEdition.filter((p) => outputKindOf(p) === kind).length]).toEqual([String(kind.path), 1]);
    }
  });

  it('gives every published file a media type, and the page a title for each kind it lists', async () => {
    const { files } = await builtSeeds();
    const unknown = [...files.keys()].filter((p) => p.startsWith('out/') && mediaTypeOf(p).mediatype === 'application/octet-stream' && !p.endsWith('SHA256SUMS'));
    expect(unknown).toEqual([]);
    expect(OUTPUT_KINDS.filter((k) => k.onPage !== null && k.title === null)).toEqual([]);
    expect(OUTPUT_KINDS.filter((k) => k.onPage === 'top').map((k) => String(k.path))).toEqual(['/\\.zip$/', 'datapackage.json']);
  });

  it('lists every file of the targets’ history, published once for all editions, and describes what it lists in the catalog', async () => {
    const { files } = await builtSeeds();
    const history = [...files.keys()].filter((p) => p.startsWith('out/history/')).map((p) => p.slice('out/'.length));
    expect(history.sort()).toEqual(SHARED_OUTPUT_KINDS.map((k) => k.path).sort());
    expect(SHARED_OUTPUT_KINDS.filter((k) => k.inCatalog && (k.about === null || k.title === null))).toEqual([]);
    expect(SHARED_OUTPUT_KINDS.map((k) => mediaTypeOf(k.path).mediatype)).toEqual(['text/csv', 'application/schema+json', 'application/csvm+json']);
  });
});
