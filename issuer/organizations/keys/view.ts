import type { WebDidKey } from '../../registry/web-identities.ts';

/** A key as the key routes answer it: its verification method id, and its revocation if any. */
export interface KeyView {
  id: string;
  createdAt: string;
  revokedFrom?: string;
  reason?: string;
}

export function keyView(did: string, key: WebDidKey): KeyView {
  return {
    id: `${did}#${key.fragment}`,
    createdAt: key.createdAt,
    ...(key.revokedFrom ? { revokedFrom: key.revokedFrom } : {}),
    ...(key.revokeReason ? { reason: key.revokeReason } : {}),
  };
}
