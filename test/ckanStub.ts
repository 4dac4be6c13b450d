/**
 * A stand-in CKAN for tests, on 127.0.0.1: it enforces the documented Action API contract the
 * publisher relies on — `Authorization` header with the API token on every write, JSON bodies,
 * required fields (`name`, `owner_org` for packages; `package_id`, `url` for resources), names of
 * lowercase letters, digits, `-` and `_`, and HTTP 409 with `Validation Error` when they are broken,
 * 403 without a valid token, 404 for a missing package — and, as a portal running ckanext-spatial
 * does, refuses a package whose `spatial` extra is not a GeoJSON geometry (with its messages).
 */
import { createServer, type Server } from 'node:http';

/** A package as the stub stores it. */
export interface StubPackage {
  id: string;
  name: string;
  [key: string]: unknown;
  resources: { id: string; name: string; [key: string]: unknown }[];
}

/** A running stub: its base URL, what it stores, the requests it saw, and how to stop it. */
export interface CkanStub {
  url: string;
  packages: Map<string, StubPackage>;
  seen: { method: string; path: string; authorization: string | null }[];
  close(): Promise<void>;
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/**
 * Why a `spatial` extra is refused, in ckanext-spatial's words, or null for a GeoJSON geometry (an
 * object with a geometry `type` and nested arrays of numbers as `coordinates`, or a GeometryCollection of them).
 */
export function spatialExtraError(value: unknown): string | null {
  let geometry: unknown;
  try {
    geometry = JSON.parse(String(value));
  } catch (error) {
    return `Error decoding JSON object: ${(error as Error).message}`;
  }
  const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
  const isCoordinates = (c: unknown): boolean => isPosition(c) || (Array.isArray(c) && c.length > 0 && c.every(isCoordinates));
  const isGeometry = (g: unknown): boolean => {
    if (typeof g !== 'object' || g === null) return false;
    const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
    if (type === 'GeometryCollection') return Array.isArray(geometries) && geometries.every(isGeometry);
    return typeof type === 'string' && GEOMETRY_TYPES.includes(type) && isCoordinates(coordinates);
  };
  return isGeometry(geometry) ? null : `Error creating geometry: not a GeoJSON geometry: ${String(value).slice(0, 80)}`;
}

/** The refusal of a package's extras by ckanext-spatial, or null. */
function extrasError(body: Record<string, unknown>): Record<string, string[]> | null {
  const extras = Array.isArray(body.extras) ? (body.extras as { key?: unknown; value?: unknown }[]) : [];
  const spatial = extras.find((e) => e.key === 'spatial');
  const error = spatial ? spatialExtraError(spatial.value) : null;
  return error ? { spatial: [error] } : null;
}

/** Starts the stub on a free loopback port; `token` is the only accepted API token. */
export async function startCkanStub(token: string, organizations: string[] = ['hadano-city']): Promise<CkanStub> {
  const packages = new Map<string, StubPackage>();
  const seen: CkanStub['seen'] = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const authorization = req.headers.authorization ?? null;
      seen.push({ method: req.method ?? '', path: url.pathname, authorization });
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const invalid = (errors: Record<string, string[]>) => reply(409, { success: false, error: { __type: 'Validation Error', ...errors } });
      const action = url.pathname.replace(/^\/api\/3\/action\//, '');
      if (req.method === 'GET' && action === 'package_show') {
        const pkg = [...packages.values()].find((p) => p.name === url.searchParams.get('id') || p.id === url.searchParams.get('id'));
        return pkg ? reply(200, { success: true, result: pkg }) : reply(404, { success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
      }
      if (req.method !== 'POST') return reply(400, { success: false, error: { __type: 'Bad request', message: 'POST expected' } });
      if (authorization !== token) return reply(403, { success: false, error: { __type: 'Authorization Error', message: 'Access denied' } });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { success: false, error: { __type: 'Bad request', message: 'JSON expected' } });
      }
      const find = (id: unknown) => [...packages.values()].find((p) => p.id === id || p.name === id);
      switch (action) {
        case 'package_create': {
          const name = body.name;
          if (typeof name !== 'string' || !/^[a-z0-9_-]{2,100}$/.test(name)) return invalid({ name: ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'] });
          if (find(name)) return invalid({ name: ['That URL is already in use.'] });
          if (typeof body.owner_org !== 'string' || !organizations.includes(body.owner_org)) return invalid({ owner_org: ['Organization does not exist'] });
          if ('resources' in body) return invalid({ resources: ['Created one by one in this test'] });
          const refused = extrasError(body);
          if (refused) return invalid(refused);
          const pkg: StubPackage = { ...body, id: `pkg-${next++}`, name, resources: [] };
          packages.set(pkg.id, pkg);
          return reply(200, { success: true, result: pkg });
        }
        case 'package_patch': {
          const pkg = find(body.id);
          if (!pkg) return reply(404, { success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
          const refused = extrasError(body);
          if (refused) return invalid(refused);
          Object.assign(pkg, body, { id: pkg.id, resources: pkg.resources });
          return reply(200, { success: true, result: pkg });
        }
        case 'resource_create': {
          const pkg = find(body.package_id);
          if (!pkg) return invalid({ package_id: ['Not found: Dataset'] });
          if (typeof body.url !== 'string' || body.url === '') return invalid({ url: ['Missing value'] });
          const resource = { ...body, id: `res-${next++}`, name: String(body.name ?? '') };
          pkg.resources.push(resource);
          return reply(200, { success: true, result: resource });
        }
        case 'resource_patch': {
          const resource = [...packages.values()].flatMap((p) => p.resources).find((r) => r.id === body.id);
          if (!resource) return reply(404, { success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
          Object.assign(resource, body);
          return reply(200, { success: true, result: resource });
        }
        default:
          return reply(400, { success: false, error: { __type: 'Bad request', message: `Unknown action ${action}` } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    packages,
    seen,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
