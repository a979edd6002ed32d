import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import { issuerJson, malformed, type ClaimStep } from './steps.ts';

const IssuerMetadataSchema = z.object({
  credential_issuer: z.string().url(),
  authorization_servers: z.array(z.string().url()).optional(),
  credential_endpoint: z.string().url(),
  nonce_endpoint: z.string().url().optional(),
  deferred_credential_endpoint: z.string().url().optional(),
  /** Extensions of the Volunteer Passport issuer for events (docs/events.md). */
  check_in_cancel_endpoint: z.string().url().optional(),
  credential_request_display_name_supported: z.boolean().optional(),
  credential_configurations_supported: z.record(
    z.string(),
    z.object({
      format: z.string(),
      credential_definition: z.object({ type: z.array(z.string()).optional() }).optional(),
      vct: z.string().optional(),
      cryptographic_binding_methods_supported: z.array(z.string()).optional(),
    }),
  ),
});

const AuthorizationServerSchema = z.object({
  issuer: z.string().url(),
  token_endpoint: z.string().url(),
});

export type IssuerMetadata = z.infer<typeof IssuerMetadataSchema>;
export type AuthorizationServerMetadata = z.infer<typeof AuthorizationServerSchema>;

/**
 * The well-known URL of an identifier (RFC 8414, section 3.1; OpenID4VCI 1.0, section 12.2.2):
 * the well-known segment goes between the host and the path, `https://x.kz/t` →
 * `https://x.kz/.well-known/{name}/t`.
 */
export function wellKnownUrl(identifier: string, name: string): string {
  const url = new URL(identifier);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}/.well-known/${name}${path}`;
}

/** The Credential Issuer's metadata; its `credential_issuer` must be the offer's, or anyone could answer for the issuer. */
export async function fetchIssuerMetadata(fetch: GuardedFetch, credentialIssuer: string): Promise<IssuerMetadata> {
  const metadata = parse(IssuerMetadataSchema, await getJson(fetch, wellKnownUrl(credentialIssuer, 'openid-credential-issuer'), 'issuer_metadata'), 'issuer_metadata');
  if (metadata.credential_issuer !== credentialIssuer) {
    throw malformed('issuer_metadata', `the metadata names ${metadata.credential_issuer}, not the offer's issuer ${credentialIssuer}`);
  }
  return metadata;
}

/** The authorization server's metadata (RFC 8414): the issuer's own, or the one the offer or metadata names. */
export async function fetchAuthorizationServer(fetch: GuardedFetch, server: string): Promise<AuthorizationServerMetadata> {
  let body: unknown;
  try {
    body = await getJson(fetch, wellKnownUrl(server, 'oauth-authorization-server'), 'authorization_server_metadata');
  } catch (err) {
    // Some servers publish only OpenID Connect discovery, which carries the same token_endpoint.
    if (!(err instanceof PassportError) || err.extra?.issuerStatus !== 404) throw err;
    body = await getJson(fetch, wellKnownUrl(server, 'openid-configuration'), 'authorization_server_metadata');
  }
  const metadata = parse(AuthorizationServerSchema, body, 'authorization_server_metadata');
  if (metadata.issuer.replace(/\/+$/, '') !== server.replace(/\/+$/, '')) {
    throw malformed('authorization_server_metadata', `the metadata names issuer ${metadata.issuer}, not ${server}`);
  }
  return metadata;
}

async function getJson(fetch: GuardedFetch, url: string, step: ClaimStep): Promise<unknown> {
  return issuerJson<unknown>(await fetch(url, { headers: { accept: 'application/json' } }), step);
}

function parse<S extends z.ZodType>(schema: S, body: unknown, step: ClaimStep): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw malformed(step, `the metadata is not usable (${issue.path.join('.') || 'body'}: ${issue.message})`);
}
