/**
 * What a developer who downloads the JSON-LD gets: plan.jsonld of each edition and catalog.jsonld
 * load with the defaults of jsonld.js (no document loader) and of rdflib (Debian's python3-rdflib),
 * offline, because each document carries its context. plan.jsonld gives exactly the graph of plan.nq.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { afterAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { builtSeeds, builtText, requireSystemPackages } from '../../helpers.js';

/** The distinct lines of N-Quads, and those without blank nodes (whose labels are the writer's own). */
function linesOf(nquads: string): { count: number; ground: string[] } {
  const lines = [...new Set(nquads.split('\n').filter((l) => l !== ''))];
  return { count: lines.length, ground: lines.filter((l) => !/(^|\s)_:/.test(l)).sort() };
}

const DOCUMENTS = ['2021/plan.jsonld', '2025-03/plan.jsonld', 'catalog.jsonld'];

describe('the published JSON-LD with jsonld.js’s defaults', () => {
  for (const path of DOCUMENTS) {
    it(`${path} converts to RDF with no document loader${path.endsWith('plan.jsonld') ? ', the quads of plan.nq' : ''}`, async () => {
      const document = JSON.parse(await builtText(path)) as object;
      const nquads = (await jsonld.toRDF(document as never, { format: 'application/n-quads' } as never)) as unknown as string;
      expect(nquads.split('\n').filter((l) => l !== '').length).toBeGreaterThan(100);
      // The same graph as plan.nq: as many quads, the same ones but for blank-node labels (writeNQuads.test.ts
      // compares the canonicalised graphs of the same document).
      if (path.endsWith('plan.jsonld')) expect(linesOf(nquads)).toEqual(linesOf(await builtText(path.replace(/jsonld$/, 'nq'))));
    }, 60_000);
  }
});

describe('the published JSON-LD with rdflib’s defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rdflib-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses each file as downloaded, offline, into as many quads as plan.nq has', async () => {
    await requireSystemPackages('python3-rdflib');
    const { files } = await builtSeeds();
    const paths = DOCUMENTS.map((path, i) => {
      const file = join(dir, `${i}.jsonld`);
      writeFileSync(file, files.get(`out/${path}`)!);
      return file;
    });
    // Exactly the developer's call, then the quads counted in every graph; a proxy that refuses
    // every connection makes any attempt to fetch a context fail.
    const script = `
import sys, rdflib
for path in sys.argv[1:]:
    rdflib.Graph().parse(path, format="json-ld")
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format="json-ld")
    print(len(g), len(list(g.contexts())))
`;
    const offline = { ...process.env, http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' };
    const counts = (await $({ env: offline })`/usr/bin/python3 -c ${script} ${paths}`).stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
    for (const [i, edition] of ['2021', '2025-03'].entries()) {
      const nquads = new Set((await builtText(`${edition}/plan.nq`)).split('\n').filter((l) => l !== '')).size;
      expect(counts[i], edition).toEqual([nquads, 1]);
    }
    expect(counts[2]![0]).toBeGreaterThan(100);
  }, 60_000);
});
