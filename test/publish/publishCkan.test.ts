import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../pipeline/cli/cli.js';
import { describeFetchError, formatRequest, publishToCkan } from '../../pipeline/publish/publishCkan.js';
import type { CkanPackage } from '../../pipeline/publish/toCkanPackage.js';
import { spatialExtraError, startCkanStub, type CkanStub } from '../ckanStub.js';
import { builtText } from '../helpers.js';

const TOKEN = 'secret-token-1234';
let stub: CkanStub;
let packages: CkanPackage[];

beforeAll(async () => {
  stub = await startCkanStub(TOKEN);
  packages = [JSON.parse(await builtText('ckan/2021.json')), JSON.parse(await builtText('ckan/2025-03.json'))];
});
afterAll(() => stub.close());

describe('the CKAN package descriptions', () => {
  it('carry the package_create fields and resources with url, format and hash', async () => {
    const pkg = packages[1]!;
    expect(pkg).toMatchObject({ name: 'hadano-ict-plan-2025-03', version: '5.0.0', license_id: 'cc-by', owner_org: 'hadano-city' });
    const zip = pkg.resources.find((r) => r.name === 'hadano-ict-plan-2025-03.zip')!;
    expect(zip).toMatchObject({ url: 'https://example.org/hadano-ict-plan/2025-03/hadano-ict-plan-2025-03.zip', format: 'ZIP', mimetype: 'application/zip' });
    const sums = (await builtText('SHA256SUMS')).split('\n').find((l) => l.endsWith('  2025-03/hadano-ict-plan-2025-03.zip'))!;
    // ckanext-dcat's resource fields: the hexadecimal checksum (spdx:checksumValue) and its algorithm.
    expect(zip).toMatchObject({ hash: sums.split('  ')[0], hash_algorithm: 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' });
    expect(pkg.resources.filter((r) => r.format === 'CSV')).toHaveLength(9);
    expect(pkg.resources.map((r) => r.name)).toContain('schemas/plan.schema.json');
  });

  it('give every resource a Japanese description of what it holds, not its file name', () => {
    for (const pkg of packages) {
      for (const r of pkg.resources) {
        expect(r.description, r.name).toMatch(/[ぁ-んァ-ヶ一-龠]/);
        expect(r.description).not.toContain(r.name);
      }
      expect(new Set(pkg.resources.map((r) => r.description)).size).toBe(pkg.resources.length);
    }
    expect(packages[1]!.resources.find((r) => r.name === 'csv/indicator_targets.csv')!.description).toMatch(/^評価指標の目標値の表（/);
  });

  it('use ckanext-dcat’s extras: the place by IRI and name, and no `spatial` (no true geometry of the city is known)', () => {
    for (const pkg of packages) {
      const extras = new Map(pkg.extras.map((e) => [e.key, e.value]));
      expect(extras.size).toBe(pkg.extras.length);
      expect(extras.get('spatial_uri')).toBe('https://example.org/hadano-ict-plan/municipality/142115');
      expect(extras.get('spatial_text')).toBe('神奈川県秦野市');
      expect(extras.has('spatial')).toBe(false);
      expect(extras.get('contact_name')).toBe('秦野市 デジタル推進課');
      expect(extras.get('publisher_name')).toBe('秦野市');
      expect(JSON.parse(extras.get('theme')!)).toEqual(['http://publications.europa.eu/resource/authority/data-theme/GOVE']);
      expect(extras.get('temporal_start')).toBe('2021-04-01');
    }
    expect(new Map(packages[1]!.extras.map((e) => [e.key, e.value])).get('issued')).toBe('2025-03');
    expect(packages[0]!.extras.some((e) => e.key === 'issued')).toBe(false);
  });
});

describe('publishToCkan against a local CKAN', () => {
  it('in a dry run sends only package_show and lists the write requests without the token', async () => {
    const result = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages, apply: false });
    expect(result.ok).toBe(true);
    expect(stub.seen.filter((s) => s.method === 'POST')).toEqual([]);
    const printed = result.requests.map(formatRequest).join('\n');
    expect(printed).not.toContain(TOKEN);
    expect(printed).toContain('Authorization: <redacted: CKAN_API_TOKEN>');
    expect(result.requests.map((r) => r.url.replace(stub.url, ''))).toEqual([
      '/api/3/action/package_show?id=hadano-ict-plan-2021',
      '/api/3/action/package_create',
      ...packages[0]!.resources.map(() => '/api/3/action/resource_create'),
      '/api/3/action/package_show?id=hadano-ict-plan-2025-03',
      '/api/3/action/package_create',
      ...packages[1]!.resources.map(() => '/api/3/action/resource_create'),
    ]);
  });

  it('creates the packages and their resources, then updates them on a second run', async () => {
    const first = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages, apply: true });
    expect(first.errors).toEqual([]);
    const created = [...stub.packages.values()].find((p) => p.name === 'hadano-ict-plan-2025-03')!;
    expect(created.resources.map((r) => r.name)).toEqual(packages[1]!.resources.map((r) => r.name));
    expect(stub.seen.filter((s) => s.method === 'POST').every((s) => s.authorization === TOKEN)).toBe(true);

    const second = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages, apply: true });
    expect(second.errors).toEqual([]);
    const actions = second.requests.map((r) => r.url.replace(`${stub.url}/api/3/action/`, '').replace(/\?.*$/, ''));
    expect(new Set(actions)).toEqual(new Set(['package_show', 'package_patch', 'resource_patch']));
    expect(stub.packages.size).toBe(2);
  });

  it('reports the portal’s validation errors (409) and a wrong token (403)', async () => {
    const bad = { ...packages[0]!, name: 'Not Valid!' };
    const invalid = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages: [bad], apply: true });
    expect(invalid.ok).toBe(false);
    expect(invalid.errors[0]).toMatch(/^package_create Not Valid!: HTTP 409 .*Validation Error/);
    const unknownOrg = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages: [{ ...packages[0]!, name: 'another-one' }], apply: true, organization: 'nobody' });
    expect(unknownOrg.errors[0]).toMatch(/HTTP 409 .*owner_org/);
    const denied = await publishToCkan({ ckanUrl: stub.url, token: 'wrong', packages: [{ ...packages[0]!, name: 'third-one' }], apply: true });
    expect(denied.errors[0]).toMatch(/HTTP 403 .*Authorization Error/);
  });
});

describe('the stand-in’s ckanext-spatial rule', () => {
  it('refuses a `spatial` extra that is not a GeoJSON geometry, on create and on update, and accepts one that is', async () => {
    expect(spatialExtraError('142115 神奈川県秦野市')).toMatch(/^Error decoding JSON object: /);
    expect(spatialExtraError('"神奈川県秦野市"')).toMatch(/^Error creating geometry: /);
    expect(spatialExtraError('{"type":"Feature","geometry":null}')).toMatch(/^Error creating geometry: /);
    expect(spatialExtraError('{"type":"Point","coordinates":["a","b"]}')).toMatch(/^Error creating geometry: /);
    // A made-up square, only to exercise the rule: the published packages carry no geometry.
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(spatialExtraError(JSON.stringify(square))).toBeNull();
    expect(spatialExtraError(JSON.stringify({ type: 'GeometryCollection', geometries: [square, { type: 'Point', coordinates: [0, 0] }] }))).toBeNull();

    const withSpatial = (name: string, value: string) => ({ ...packages[0]!, name, resources: [], extras: [...packages[0]!.extras, { key: 'spatial', value }] });
    const old = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages: [withSpatial('spatial-as-text', '142115 神奈川県秦野市')], apply: true });
    expect(old.errors[0]).toMatch(/^package_create spatial-as-text: HTTP 409 .*Validation Error.*"spatial":\["Error decoding JSON object/);
    const geometry = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages: [withSpatial('spatial-as-geometry', JSON.stringify(square))], apply: true });
    expect(geometry.errors).toEqual([]);
    const update = await publishToCkan({ ckanUrl: stub.url, token: TOKEN, packages: [withSpatial('spatial-as-geometry', 'Kanagawa')], apply: true });
    expect(update.errors[0]).toMatch(/^package_patch .*HTTP 409 .*Error decoding JSON object/);
  });
});

describe('npm run publish', () => {
  const dir = mkdtempSync(join(tmpdir(), 'publish-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dry-runs by default, refuses --apply without a token, and never prints the token', async () => {
    mkdirSync(join(dir, 'ckan'));
    writeFileSync(join(dir, 'ckan/2025-03.json'), await builtText('ckan/2025-03.json'));
    const lines: string[] = [];
    const env = { CKAN_API_TOKEN: TOKEN };
    expect(await runCli(['--lang', 'en', 'publish', '--ckan', stub.url, '--out', dir], (l) => lines.push(l), env)).toBe(0);
    expect(lines[0]).toMatch(/^dry run: /);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(await runCli(['--lang', 'en', 'publish', '--ckan', stub.url, '--out', dir, '--apply'], (l) => lines.push(l), {})).toBe(2);
    expect(await runCli(['--lang', 'en', 'publish', '--out', dir], (l) => lines.push(l), env)).toBe(2);
    expect(await runCli(['--lang', 'en', 'publish', '--ckan', stub.url, '--out', join(dir, 'none')], (l) => lines.push(l), env)).toBe(1);
  });
});

describe('npm run publish, as the staff run it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'publish-staff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The built 2025-03 package, its addresses moved from the example base to `base`. */
  const packageAt = async (base: string | null) => {
    const text = await builtText('ckan/2025-03.json');
    return base === null ? text : text.replaceAll('https://example.org/hadano-ict-plan/', base);
  };

  it('says in Japanese what it would do per package, and shows the requests only with --verbose', async () => {
    mkdirSync(join(dir, 'a/ckan'), { recursive: true });
    writeFileSync(join(dir, 'a/ckan/2025-03.json'), (await packageAt(null)).replaceAll('hadano-ict-plan-2025-03', 'staff-dry-2025-03'));
    const lines: string[] = [];
    expect(await runCli(['publish', '--ckan', stub.url, '--out', join(dir, 'a')], (l) => lines.push(l), {})).toBe(0);
    const pkg = JSON.parse(await packageAt(null)) as CkanPackage;
    expect(lines[0]).toBe(`確認だけ（送信していません）：${stub.url} に公開する内容です（送るには --apply を付けます）：`);
    expect(lines).toContain(`  staff-dry-2025-03：新規作成します。リソースの追加 ${pkg.resources.length} 件、更新 0 件`);
    expect(lines.some((l) => l.startsWith('注意：公開先の URL が例示用の仮の値のままです（https://example.org/hadano-ict-plan/'))).toBe(true);
    expect(lines).toContain('注意：--org がないため、組織名は仮の「hadano-city」で表示しています。--apply では --org で実際の組織名を指定します');
    expect(lines.join('\n')).not.toContain('POST ');
    const verbose: string[] = [];
    await runCli(['publish', '--ckan', stub.url, '--out', join(dir, 'a'), '--verbose'], (l) => verbose.push(l), {});
    expect(verbose.join('\n')).toContain(`POST ${stub.url}/api/3/action/package_create`);
  });

  it('still shows what it would send when the portal cannot be reached (a dry run offline)', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const lines: string[] = [];
    expect(await runCli(['publish', '--ckan', `http://127.0.0.1:${port}`, '--out', join(dir, 'a')], (l) => lines.push(l), {})).toBe(0);
    expect(lines.find((l) => l.includes('staff-dry-2025-03：'))).toMatch(/新規作成（ポータルに接続できないため、すでにあるかは確かめていません）します。/);
    expect(lines.find((l) => l.startsWith('注意：package_show staff-dry-2025-03: 接続を拒否されました'))).toMatch(/内容は、新しく作る場合として表示しています$/);
  });

  it('sends only with --org and an address that is not an example, then reports what it did', async () => {
    const env = { CKAN_API_TOKEN: TOKEN };
    const lines: string[] = [];
    expect(await runCli(['publish', '--ckan', stub.url, '--out', join(dir, 'a'), '--apply'], (l) => lines.push(l), env)).toBe(2);
    expect(lines.at(-1)).toMatch(/^エラー：--apply には --org <組織名>/);
    const posts = stub.seen.filter((r) => r.method === 'POST').length;
    expect(await runCli(['publish', '--ckan', stub.url, '--out', join(dir, 'a'), '--apply', '--org', 'hadano-city'], (l) => lines.push(l), env)).toBe(2);
    expect(lines.at(-1)).toMatch(/^エラー：公開先の URL が例示用の仮の値のままです.*送信しません$/);
    expect(stub.seen.filter((r) => r.method === 'POST')).toHaveLength(posts);
    mkdirSync(join(dir, 'b/ckan'), { recursive: true });
    writeFileSync(join(dir, 'b/ckan/2025-03.json'), (await packageAt(`${stub.url}/files/`)).replaceAll('hadano-ict-plan-2025-03', 'staff-run-2025-03'));
    const sent: string[] = [];
    expect(await runCli(['publish', '--ckan', stub.url, '--out', join(dir, 'b'), '--apply', '--org', 'hadano-city'], (l) => sent.push(l), env)).toBe(0);
    expect(sent[0]).toMatch(new RegExp(`^${stub.url.replace(/[.]/g, '\\.')} に送信しました（要求 \\d+ 件）：$`));
    expect(sent[1]).toMatch(/^  staff-run-2025-03：新規作成しました。リソースの追加 \d+ 件、更新 0 件$/);
    expect(sent.join('\n')).not.toContain(TOKEN);
  });
});

describe('describeFetchError', () => {
  it('names why a request could not be sent: connection refused, DNS, a blocked port, in Japanese or English', async () => {
    const failure = async (url: string) => fetch(url).then(() => null, (error: unknown) => error);
    // A port that was just free: nothing listens on it now.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const refused = await failure(`http://127.0.0.1:${port}/api/3/action/package_show`);
    expect(describeFetchError(refused, 'http://x', 'ja')).toMatch(/^接続を拒否されました（そのホストとポートで待ち受けているサーバーがありません）：http:\/\/x（ECONNREFUSED/);
    expect(describeFetchError(refused, 'http://x', 'en')).toMatch(/^connection refused \(no server listens at that host and port\): http:\/\/x \(ECONNREFUSED/);
    const blocked = await failure('http://127.0.0.1:9/');
    expect(describeFetchError(blocked, 'http://127.0.0.1:9', 'ja')).toMatch(/^このポートには送れません/);
    const dns = { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND ckan.invalid' } };
    expect(describeFetchError(dns, 'https://ckan.invalid', 'ja')).toBe('ホスト名が見つかりません（DNS）：https://ckan.invalid（ENOTFOUND: getaddrinfo ENOTFOUND ckan.invalid）');
    const tls = { cause: { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' } };
    expect(describeFetchError(tls, 'https://ckan.example.jp', 'en')).toBe('the TLS certificate could not be verified: https://ckan.example.jp (CERT_HAS_EXPIRED: certificate has expired)');
  });
});
