export { createPassportAgent, type PassportAgent, type AgentOptions } from './create-agent.ts';
export { AGENT_MIGRATIONS, DatabaseDIDStore, DatabaseKeyStore, SealedPrivateKeyStore } from './stores.ts';
export { signJwtWithAgent, agentSigner, type AgentJwtSigner } from './sign-jwt.ts';
export { AgentKeySigner, keySignerOf } from './key-signer.ts';
