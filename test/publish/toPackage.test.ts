import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipArchive } from 'archiver';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { $ } from 'zx';
import { describeFile, toResourceNames, toSha256Sums, toZipChunks } from '../../pipeline/publish/toPackage.js';
import { builtSeeds, builtText, readZip, requireSystemPackages, TEST_DATE, toZip, zipManifest } from '../helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => Ajv;
const PROFILES = new URL('../../../shared/reference/frictionless-v2/', import.meta.url);
const PROFILE = new URL('datapackage.json', PROFILES);
const EDITIONS = ['2021', '2025-03'];

/** A validator for one of the official Frictionless v2 profiles (draft-07, `propertyOrder`: not strict, reference/SOURCES.md). */
function profile(name: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(name, PROFILES), 'utf8')));
}

interface Resource {
  name: string;
  path: string;
  format: string;
  jsonSchema?: string;
  schema?: { fields: { name: string }[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
  dialect?: object;
}

async function zipEntries(bytes: Uint8Array): Promise<{ name: string; data: Buffer; date: Date }[]> {
  return (await readZip(bytes)).map(({ name, data, entry }) => ({ name, data, date: entry.getLastModDate() }));
}

describe('datapackage.json', () => {
  for (const edition of ['2021', '2025-03']) {
    it(`of ${edition} is valid against the official v2 profile and its bytes and hashes match the files`, async () => {
      const { files } = await builtSeeds();
      const descriptor = JSON.parse(await builtText(`${edition}/datapackage.json`));
      // The official profiles use `propertyOrder`, which strict ajv rejects (reference/SOURCES.md).
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(PROFILE, 'utf8')));
      expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
      expect(descriptor).toMatchObject({ name: 'hadano-ict-plan', version: edition === '2021' ? '1.0.0' : '5.0.0', created: TEST_DATE });
      expect(descriptor.licenses).toEqual([{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'クリエイティブ・コモンズ 表示 4.0 国際' }]);
      for (const resource of descriptor.resources) {
        const bytes = files.get(`out/${edition}/${resource.path}`)!;
        expect(resource.bytes, resource.path).toBe(bytes.length);
        expect(resource.hash, resource.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      }
      const csvs = descriptor.resources.filter((r: { format: string }) => r.format === 'csv');
      expect(csvs).toHaveLength(9);
      for (const csv of csvs) {
        expect(csv).toMatchObject({ mediatype: 'text/csv', encoding: 'utf-8', byteOrderMark: true, dialect: { lineTerminator: '\r\n' } });
        expect(csv.schema.fields[0].name).toBe('lgCode');
      }
      const targets = csvs.find((r: { path: string }) => r.path === 'csv/indicator_targets.csv');
      expect(targets.schema.foreignKeys).toEqual([
        { fields: ['indicatorId'], reference: { resource: 'indicators', fields: ['id'] } },
        { fields: ['projectId'], reference: { resource: 'projects', fields: ['id'] } },
      ]);
    });
  }

  it('names every resource once, each CSV by its table, and every foreign key names a CSV resource with the key it refers to', async () => {
    for (const edition of EDITIONS) {
      const resources: Resource[] = JSON.parse(await builtText(`${edition}/datapackage.json`)).resources;
      const names = resources.map((r) => r.name);
      expect(new Set(names).size, edition).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining(['plan-json', 'plan-jsonld', 'plan-nq', 'indicators', 'indicator_targets']));
      for (const r of resources.filter((x) => x.format === 'csv')) expect(r.name).toBe(r.path.replace(/^csv\/(.*)\.csv$/, '$1'));
      const byName = new Map(resources.map((r) => [r.name, r]));
      const keys = resources.flatMap((r) => (r.schema?.foreignKeys ?? []).map((fk) => ({ from: r.name, ...fk })));
      expect(keys.length, edition).toBeGreaterThanOrEqual(10);
      for (const fk of keys) {
        const target = byName.get(fk.reference.resource);
        expect(target?.format, `${fk.from} → ${fk.reference.resource}`).toBe('csv');
        expect(target!.schema!.primaryKey).toEqual(fk.reference.fields);
      }
    }
    // A file named like a table would make a foreign key ambiguous: refused, not renamed.
    const table = { name: 'plan-json', title: '', titleEn: '', description: '', foreignKeys: [], columns: [] };
    expect(() => toResourceNames(['csv/plan-json.csv', 'plan.json', 'plan.nq'], [table])).toThrow(/plan-json/);
    expect([...toResourceNames(['plan.json', 'a/plan.json', 'quality.json'], []).values()]).toEqual(['plan', 'a-plan', 'quality']);
  });

  it('validates against every official v2 profile: the package, each resource, Table Schema and dialect', async () => {
    const [packageProfile, resourceProfile, schemaProfile, dialectProfile] = ['datapackage.json', 'dataresource.json', 'tableschema.json', 'tabledialect.json'].map(profile) as [
      ReturnType<typeof profile>,
      ReturnType<typeof profile>,
      ReturnType<typeof profile>,
      ReturnType<typeof profile>,
    ];
    for (const edition of EDITIONS) {
      const descriptor = JSON.parse(await builtText(`${edition}/datapackage.json`));
      expect(packageProfile(descriptor), JSON.stringify(packageProfile.errors)).toBe(true);
      for (const resource of descriptor.resources as Resource[]) {
        expect(resourceProfile(resource), `${resource.path} ${JSON.stringify(resourceProfile.errors)}`).toBe(true);
        if (resource.schema) expect(schemaProfile(resource.schema), `${resource.path} ${JSON.stringify(schemaProfile.errors)}`).toBe(true);
        if (resource.dialect) expect(dialectProfile(resource.dialect), `${resource.path} ${JSON.stringify(dialectProfile.errors)}`).toBe(true);
      }
    }
  });

  it('holds in the CSVs: every primary key unique and present, every foreign-key value found in the table it names (read by Python’s csv module)', async () => {
    await requireSystemPackages('python3');
    const { files } = await builtSeeds();
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      for (const edition of EDITIONS) {
        const resources: Resource[] = JSON.parse(await builtText(`${edition}/datapackage.json`)).resources;
        const tables = resources.filter((r) => r.schema);
        for (const r of tables) writeFileSync(join(dir, `${r.name}.csv`), files.get(`out/${edition}/${r.path}`)!);
        const script = `
import csv, json, sys, os
out = {}
for name in sys.argv[2:]:
    with open(os.path.join(sys.argv[1], name + '.csv'), encoding='utf-8-sig', newline='') as f:
        out[name] = list(csv.reader(f))
print(json.dumps(out))  # ASCII-only JSON: no multi-byte character can be split between pipe reads
`;
        const read = JSON.parse((await $`/usr/bin/python3 -c ${script} ${dir} ${tables.map((r) => r.name)}`.quiet()).stdout) as Record<string, string[][]>;
        // Fields map to columns by position (the header row holds the Japanese titles).
        const column = (r: Resource, field: string) => {
          const index = r.schema!.fields.findIndex((f) => f.name === field);
          expect(index, `${r.name}.${field}`).toBeGreaterThanOrEqual(0);
          return read[r.name]!.slice(1).map((row) => row[index]!);
        };
        const keys = new Map<string, Set<string>>();
        for (const r of tables) {
          expect(read[r.name]![0], r.name).toHaveLength(r.schema!.fields.length);
          const values = r.schema!.primaryKey.length === 1 ? column(r, r.schema!.primaryKey[0]!) : [];
          expect(r.schema!.primaryKey, r.name).toHaveLength(1);
          expect(values.filter((v) => v === ''), `${edition} ${r.name}: empty primary key`).toEqual([]);
          expect(values.length - new Set(values).size, `${edition} ${r.name}: duplicate primary keys`).toBe(0);
          keys.set(r.name, new Set(values));
        }
        let resolved = 0;
        for (const r of tables) {
          for (const fk of r.schema!.foreignKeys ?? []) {
            const known = keys.get(fk.reference.resource)!;
            const values = column(r, fk.fields[0]!).filter((v) => v !== '');
            expect(values.filter((v) => !known.has(v)), `${edition} ${r.name}.${fk.fields[0]} → ${fk.reference.resource}`).toEqual([]);
            resolved += values.length;
          }
        }
        expect(resolved, edition).toBeGreaterThan(100);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('plan.json’s JSON Schema, as published', () => {
  it('is in every edition folder, its zip and descriptor, and at the top of the output; every plan.json is valid against the published copy', async () => {
    const { files } = await builtSeeds();
    const top = files.get('out/schemas/plan.schema.json')!;
    expect(top).toBeDefined();
    // The schema's $id, which every plan.json names as its $schema, is where the top copy is published.
    const $id = JSON.parse(new TextDecoder().decode(top)).$id;
    expect($id).toBe('https://example.org/hadano-ict-plan/schemas/plan.schema.json');
    for (const edition of EDITIONS) expect(JSON.parse(await builtText(`${edition}/plan.json`)).$schema).toBe($id);
    for (const edition of EDITIONS) {
      const published = files.get(`out/${edition}/schemas/plan.schema.json`)!;
      expect(Buffer.from(published).equals(Buffer.from(top)), edition).toBe(true);
      const descriptor = JSON.parse(await builtText(`${edition}/datapackage.json`));
      const planResource = descriptor.resources.find((r: Resource) => r.path === 'plan.json');
      expect(planResource.jsonSchema).toBe('schemas/plan.schema.json');
      const schemaResource = descriptor.resources.find((r: Resource) => r.path === planResource.jsonSchema);
      expect(schemaResource).toMatchObject({ mediatype: 'application/schema+json', hash: `sha256:${createHash('sha256').update(published).digest('hex')}` });
      const zip = await readZip(files.get(`out/${edition}/hadano-ict-plan-${edition}.zip`)!);
      const inZip = zip.filter((e) => e.name === 'schemas/plan.schema.json');
      expect(inZip).toHaveLength(1);
      expect(inZip[0]!.data.equals(Buffer.from(published))).toBe(true);
      // A developer's validator (ajv, draft 2020-12, its defaults), given only what was downloaded.
      const ajv = new Ajv2020({ allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(new TextDecoder().decode(zip.find((e) => e.name === 'schemas/plan.schema.json')!.data)));
      const plan = JSON.parse(zip.find((e) => e.name === 'plan.json')!.data.toString('utf8'));
      expect(validate(plan), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // And the edition folder's plan.json, as downloaded from the site.
      expect(validate(JSON.parse(await builtText(`${edition}/plan.json`))), edition).toBe(true);
      // The published copy is the schema that judges: a plan it should refuse, it refuses.
      expect(validate({ ...plan, projects: [{ ...plan.projects[0], id: 7 }] })).toBe(false);
    }
  });
});

describe('the edition zip', () => {
  it('holds every file of the edition, its descriptor, the context and the vocabulary, sorted, with one timestamp', async () => {
    const { files } = await builtSeeds();
    const entries = await zipEntries(files.get('out/2025-03/hadano-ict-plan-2025-03.zip')!);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('datapackage.json');
    expect(names).toContain('context.jsonld');
    expect(names).toContain('csv/indicator_targets.csv');
    expect(names.every((n) => !n.startsWith('/') && !n.includes('..'))).toBe(true);
    for (const entry of entries) {
      const published = files.get(`out/2025-03/${entry.name}`) ?? files.get(`out/${entry.name}`)!;
      expect(Buffer.from(published).equals(entry.data), entry.name).toBe(true);
    }
    expect(new Set(entries.map((e) => e.date.getTime())).size).toBe(1);
    // The DOS date and time are the build clock's UTC fields (2025-04-01 00:00), in any time zone.
    const manifest = await zipManifest(files.get('out/2025-03/hadano-ict-plan-2025-03.zip')!);
    expect(new Set(manifest.trimEnd().split('\n').map((l) => l.split(' ')[1]))).toEqual(new Set([`dos:${((2025 - 1980) << 9) | (4 << 5) | 1}/0`]));
    expect(manifest).not.toContain('deflated');
  });

  it('is byte-for-byte the same when built again, at another time', async () => {
    const a = await toZip([{ path: 'b.csv', data: 'x' }, { path: 'a/c.json', data: '{}' }], TEST_DATE);
    // The second zip at another year, day and time of day: only the build clock may count.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-15T13:37:42.123Z') });
    try {
      const b = await toZip([{ path: 'a/c.json', data: '{}' }, { path: 'b.csv', data: 'x' }], TEST_DATE);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    await expect(toZip([{ path: '../x', data: '' }], TEST_DATE)).rejects.toThrow(/outside/);
  });
});

describe('toZipChunks', () => {
  it('writes the bytes archiver writes for the same files (stored, sizes and CRC-32 in every header)', async () => {
    const { files } = await builtSeeds();
    const zip = files.get('out/2025-03/hadano-ict-plan-2025-03.zip')!;
    const entries = await zipEntries(zip);
    const archive = new ZipArchive({ store: true });
    const parts: Buffer[] = [];
    archive.on('data', (part: Buffer) => parts.push(part));
    const ended = new Promise((resolve) => archive.on('end', resolve));
    for (const entry of entries) archive.append(entry.data, { name: entry.name, date: new Date(TEST_DATE), mode: 0o644 });
    await archive.finalize();
    await ended;
    expect(Buffer.concat(parts).equals(Buffer.from(zip))).toBe(true);
  });

  it('writes Zip64 records past the 4 GiB limit, which other readers open', async () => {
    await requireSystemPackages('python3');
    const data = [{ path: 'big.txt', data: '秦野市'.repeat(1000) }, { path: 'a/small.json', data: '{}' }, { path: 'c.csv', data: 'x\r\n' }];
    const entries = data.map((f) => ({ ...describeFile(f), read: async function* () { yield Buffer.from(f.data); } }));
    const parts: Uint8Array[] = [];
    // A 100-byte limit stands in for 4 GiB: big.txt and every later offset need Zip64.
    for await (const part of toZipChunks(entries, TEST_DATE, 100)) parts.push(part);
    const zip = Buffer.concat(parts);
    const read = await readZip(new Uint8Array(zip));
    expect(read.map((e) => [e.name, e.data.toString('utf8')])).toEqual([...data].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.data]));
    const dir = mkdtempSync(join(tmpdir(), 'zip64-'));
    try {
      writeFileSync(join(dir, 'x.zip'), zip);
      const python = spawnSync('/usr/bin/python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted((i.filename, i.file_size) for i in z.infolist()))', join(dir, 'x.zip')], { encoding: 'utf8' });
      expect(python.stderr).toBe('');
      expect(python.stdout.trim()).toBe("[('a/small.json', 2), ('big.txt', 9000), ('c.csv', 3)]");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an entry whose bytes read back differ from its recorded size', async () => {
    const entries = [{ path: 'a.txt', bytes: 5, sha256: '', crc32: 0, read: async function* () { yield Buffer.from('abc'); } }];
    await expect(async () => {
      for await (const _ of toZipChunks(entries, TEST_DATE)) void _;
    }).rejects.toThrow(/Expected 5 bytes of a.txt/);
  });
});

describe('SHA256SUMS', () => {
  it('covers every published file, in sha256sum format', async () => {
    const { files } = await builtSeeds();
    const sums = await builtText('SHA256SUMS');
    const listed = sums.trimEnd().split('\n').map((l) => l.split('  '));
    const published = [...files.keys()].filter((k) => k.startsWith('out/') && k !== 'out/SHA256SUMS').map((k) => k.slice(4)).sort();
    expect(listed.map(([, path]) => path)).toEqual(published);
    for (const [hash, path] of listed) expect(hash).toBe(createHash('sha256').update(files.get(`out/${path}`)!).digest('hex'));
    expect(toSha256Sums([{ path: 'b', data: '' }, { path: 'a', data: 'a' }].map(describeFile))).toBe(
      'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b\n',
    );
  });
});
