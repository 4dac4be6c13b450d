/**
 * Publishes editions to a CKAN portal through its Action API: `package_show` to see whether the
 * edition's package exists, then `package_create` + `resource_create` for a new package, or
 * `package_patch` + `resource_patch`/`resource_create` for an existing one. The API token goes in
 * the `Authorization` header and is never printed. Dry run by default: only the read-only
 * `package_show` is sent, and the exact write requests are returned to be printed.
 */
import type { CkanPackage } from './toCkanPackage.js';

/** One HTTP request to the CKAN Action API. */
export interface CkanRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}

/** What publishing does to one package: create it, update it, or (a dry run that could not ask the portal) not known. */
export interface PackageOutcome {
  name: string;
  action: 'create' | 'update' | 'unknown';
  /** Resources created and updated (or, in a dry run, that would be). */
  resourcesCreated: number;
  resourcesUpdated: number;
}

/** The outcome of publishing: the requests (token redacted), whether all succeeded, errors, and what happens to each package. */
export interface PublishResult {
  ok: boolean;
  requests: CkanRequest[];
  errors: string[];
  packages: PackageOutcome[];
  /** Dry run only: the portal could not be asked whether a package exists (why, in the run's language); its requests are listed as for a new package. */
  unreachable: string[];
}

/** Options of `publishToCkan`. */
export interface PublishOptions {
  ckanUrl: string;
  /** The API token, from the environment; null in a dry run without one. */
  token: string | null;
  packages: CkanPackage[];
  /** Send the write requests (otherwise: dry run). */
  apply: boolean;
  /** Organisation slug replacing the package's placeholder. */
  organization?: string;
  fetch?: typeof fetch;
  /** The language of the errors (Japanese by default, as the command line). */
  lang?: 'ja' | 'en';
}

/** Network causes as Node's fetch reports them (`error.cause.code`), in both languages. */
const CAUSES: { codes: RegExp; ja: string; en: string }[] = [
  { codes: /^ECONNREFUSED$/, ja: '接続を拒否されました（そのホストとポートで待ち受けているサーバーがありません）', en: 'connection refused (no server listens at that host and port)' },
  { codes: /^(ENOTFOUND|EAI_AGAIN)$/, ja: 'ホスト名が見つかりません（DNS）', en: 'host name not found (DNS)' },
  { codes: /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/, ja: 'TLS の証明書を確かめられません', en: 'the TLS certificate could not be verified' },
  { codes: /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT)$/, ja: '応答がなく時間切れになりました', en: 'timed out waiting for the server' },
  { codes: /^(ECONNRESET|UND_ERR_SOCKET)$/, ja: '接続が途中で切れました', en: 'the connection was reset' },
];

/** Why a request could not be sent, named for a person: connection refused, DNS, TLS, a timeout (with Node's code and the portal's address). */
export function describeFetchError(error: unknown, url: string, lang: 'ja' | 'en'): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  // fetch refuses the ports browsers block (9, 25, …) before connecting, with no code: only a message.
  const badPort = cause?.message === 'bad port' ? { ja: 'このポートには送れません（fetch がブラウザーと同じく禁じているポートです）', en: 'fetch refuses this port (one browsers block)' } : undefined;
  const known = badPort ?? (code ? CAUSES.find((c) => c.codes.test(code)) : undefined);
  const detail = [code, typeof cause?.message === 'string' ? cause.message : (error as Error).message].filter(Boolean).join(': ');
  const what = known ? known[lang] : lang === 'ja' ? '送信できませんでした' : 'could not send the request';
  return lang === 'ja' ? `${what}：${url}（${detail}）` : `${what}: ${url} (${detail})`;
}

const REDACTED = '<redacted: CKAN_API_TOKEN>';

function action(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/api/3/action/${name}`;
}

/** A request as shown to a person: the token replaced. */
export function redact(request: CkanRequest): CkanRequest {
  return { ...request, headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, k.toLowerCase() === 'authorization' ? REDACTED : v])) };
}

/** Formats a request for the dry-run listing (token always redacted). */
export function formatRequest(request: CkanRequest): string {
  const shown = redact(request);
  const headers = Object.entries(shown.headers).map(([k, v]) => `${k}: ${v}`);
  return [`${shown.method} ${shown.url}`, ...headers, ...(shown.body ? ['', JSON.stringify(shown.body, null, 2)] : []), ''].join('\n');
}

/** Creates or updates every package on the portal (or, in a dry run, says exactly what it would send). */
export async function publishToCkan(options: PublishOptions): Promise<PublishResult> {
  const doFetch = options.fetch ?? fetch;
  const requests: CkanRequest[] = [];
  const errors: string[] = [];
  const auth: Record<string, string> = options.token ? { Authorization: options.token } : {};

  const send = async (request: CkanRequest): Promise<{ status: number; body: { success?: boolean; result?: unknown; error?: unknown } }> => {
    requests.push(redact(request));
    const response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: JSON.stringify(request.body) } : {}),
    });
    const text = await response.text();
    let body: { success?: boolean; result?: unknown; error?: unknown } = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { success: false, error: text.slice(0, 200) };
    }
    return { status: response.status, body };
  };
  const write = async (name: string, body: Record<string, unknown>): Promise<unknown> => {
    const request: CkanRequest = { method: 'POST', url: action(options.ckanUrl, name), headers: { 'Content-Type': 'application/json', ...auth }, body };
    if (!options.apply) {
      requests.push(redact(request));
      return null;
    }
    const response = await send(request);
    if (response.status !== 200 || !response.body.success) {
      errors.push(`${name} ${String(body.name ?? body.id ?? '')}: HTTP ${response.status} ${JSON.stringify(response.body.error ?? '')}`);
      return null;
    }
    return response.body.result;
  };

  const outcomes: PackageOutcome[] = [];
  const unreachable: string[] = [];
  for (const pkg of options.packages) {
    const { resources, ...fields } = { ...pkg, owner_org: options.organization ?? pkg.owner_org };
    const errorsBefore = errors.length;
    type Existing = { id?: string; resources?: { id: string; name: string }[] };
    let existing: Existing | null;
    let known = true;
    try {
      const shown = await send({ method: 'GET', url: `${action(options.ckanUrl, 'package_show')}?id=${encodeURIComponent(pkg.name)}`, headers: { ...auth }, body: null });
      existing = shown.status === 200 && shown.body.success ? (shown.body.result as Existing) : null;
      if (!existing && shown.status !== 404) errors.push(`package_show ${pkg.name}: HTTP ${shown.status} ${JSON.stringify(shown.body.error ?? '')}`);
    } catch (error) {
      const why = `package_show ${pkg.name}: ${describeFetchError(error, options.ckanUrl, options.lang ?? 'ja')}`;
      // A dry run is for reading what would be sent: without the portal it still shows that, as for
      // a new package, and says it could not ask. Sending needs the portal.
      if (options.apply) {
        errors.push(why);
        continue;
      }
      unreachable.push(why);
      existing = null;
      known = false;
    }
    if (errors.length > errorsBefore) continue;
    const outcome: PackageOutcome = { name: pkg.name, action: !known ? 'unknown' : existing ? 'update' : 'create', resourcesCreated: 0, resourcesUpdated: 0 };
    outcomes.push(outcome);
    if (!existing) {
      const created = (await write('package_create', fields)) as { id?: string } | null;
      const packageId = created?.id ?? pkg.name;
      if (options.apply && !created) continue;
      for (const resource of resources) if ((await write('resource_create', { package_id: packageId, ...resource })) !== null || !options.apply) outcome.resourcesCreated++;
    } else {
      await write('package_patch', { id: existing.id ?? pkg.name, ...fields });
      for (const resource of resources) {
        const same = existing.resources?.find((r) => r.name === resource.name);
        if (same) {
          if ((await write('resource_patch', { id: same.id, ...resource })) !== null || !options.apply) outcome.resourcesUpdated++;
        } else if ((await write('resource_create', { package_id: existing.id ?? pkg.name, ...resource })) !== null || !options.apply) {
          outcome.resourcesCreated++;
        }
      }
    }
  }
  return { ok: errors.length === 0, requests, errors, packages: outcomes, unreachable };
}
