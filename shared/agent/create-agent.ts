import { createAgent as veramoAgent, type ICredentialPlugin, type IDIDManager, type IKeyManager, type IResolver, type TAgent } from '@veramo/core';
import { CredentialProviderJWT } from '@veramo/credential-jwt';
import { CredentialPlugin } from '@veramo/credential-w3c';
import { DIDManager } from '@veramo/did-manager';
import { KeyDIDProvider } from '@veramo/did-provider-key';
import { WebDIDProvider } from '@veramo/did-provider-web';
import { DIDResolverPlugin } from '@veramo/did-resolver';
import { KeyManager } from '@veramo/key-manager';
import { KeyManagementSystem } from '@veramo/kms-local';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Database } from '../db/index.ts';
import type { DidResolver } from '../did/index.ts';
import { AgentKeySigner, registerKeySigner } from './key-signer.ts';
import { DatabaseDIDStore, DatabaseKeyStore, SealedPrivateKeyStore } from './stores.ts';

export type PassportAgent = TAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin>;

export interface AgentOptions {
  db: Database;
  /** Seals private keys at rest (`createSecretBox(config.passportSecret, 'agent-keys')`). */
  keyBox: SecretBox;
  /** DID resolution through the guarded fetch; Veramo never fetches on its own. */
  dids: DidResolver;
}

/**
 * The Veramo agent each service uses to create DIDs and keys and to issue VC-JWTs and VP-JWTs
 * (`@veramo/credential-w3c` with the JWT provider). Verification on hot paths does not go
 * through it: see `shared/jwt/verify.ts`.
 *
 * @example
 * const agent = createPassportAgent({ db, keyBox, dids });
 * const id = await agent.didManagerCreate({ provider: 'did:key', options: { keyType: 'Ed25519' } });
 */
export function createPassportAgent(options: AgentOptions): PassportAgent {
  const kms = 'local';
  // Signing goes straight to the sealed keys (key-signer.ts); Veramo still creates and lists them.
  const signer = new AgentKeySigner(options.db, options.keyBox);
  const agent = veramoAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin>({
    plugins: [
      new KeyManager({
        store: new DatabaseKeyStore(options.db),
        kms: { [kms]: new KeyManagementSystem(new SealedPrivateKeyStore(options.db, options.keyBox, (alias) => signer.forget(alias))) },
      }),
      new DIDManager({
        store: new DatabaseDIDStore(options.db),
        defaultProvider: 'did:key',
        providers: {
          'did:key': new KeyDIDProvider({ defaultKms: kms }),
          'did:web': new WebDIDProvider({ defaultKms: kms }),
        },
      }),
      new DIDResolverPlugin({ resolver: options.dids.resolver }),
      new CredentialPlugin([new CredentialProviderJWT()]),
    ],
  });
  registerKeySigner(agent, signer);
  return agent;
}
