/** What the Host header addresses, beyond the endpoint itself. */
export interface HostAddress {
  /** `{account}.{domain}`: the account, for requests that carry no signature to name it. */
  account?: string;
  /** `{bucket}.{account}.{domain}`: S3's virtual-hosted style; the path is then the key. */
  bucket?: string;
}

/**
 * Reads the Host header against the stamp's DNS domain: `acme.strata.test` addresses account
 * acme (path-style below it), `photos.acme.strata.test` bucket photos of account acme. Any
 * other host (an IP address, localhost, a proxy's name) addresses nothing: the account comes
 * from the signature, or the front-end's default account. Bucket names may hold dots; account
 * names may not, so the label before the domain is the account.
 */
export function parseHost(host: string | undefined, domain: string): HostAddress {
  if (!host || !domain) return {};
  const name = stripPort(host.trim().toLowerCase()).replace(/\.$/, '');
  const suffix = `.${domain.toLowerCase().replace(/\.$/, '')}`;
  if (!name.endsWith(suffix)) return {};
  const labels = name.slice(0, -suffix.length);
  if (labels === '') return {};
  const dot = labels.lastIndexOf('.');
  if (dot < 0) return { account: labels };
  return { account: labels.slice(dot + 1), bucket: labels.slice(0, dot) };
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}
