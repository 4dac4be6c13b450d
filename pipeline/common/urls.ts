/** Addresses: what may be published as a place to fetch from. */

/** True for an address in a domain reserved for examples (RFC 2606, RFC 6761): never a real place to publish. */
export function isPlaceholderUrl(url: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return /(^|\.)example\.(com|net|org)$/.test(host) || /\.(example|invalid|test)$/.test(host) || host === 'example';
}
