import { createKeyedHash, createSecretBox } from '../../shared/crypto/index.ts';

/**
 * A volunteer's IIN at rest: sealed like private keys (AES-GCM under `PASSPORT_SECRET`, its own
 * purpose), opened only to put it in the volunteer's SD-JWT VC and to mask it for the
 * organization. For idempotency it is compared by a keyed hash: a plain one of a number made of a
 * birth date and a few digits could be reversed by trying them all.
 */
export interface IinVault {
  seal(iin: string): string;
  open(sealed: string): string;
  fingerprint(iin: string): string;
}

export function iinVault(passportSecret: string): IinVault {
  const box = createSecretBox(passportSecret, 'volunteer-iin');
  const hash = createKeyedHash(passportSecret, 'volunteer-iin-fingerprint');
  return {
    seal: (iin) => box.seal(Buffer.from(iin, 'utf8')),
    open: (sealed) => box.open(sealed).toString('utf8'),
    fingerprint: (iin) => hash(iin),
  };
}

/** What an organization sees of a recorded IIN: its last four digits (`••••••••1234`). */
export function maskIin(iin: string): string {
  return `${'•'.repeat(Math.max(0, iin.length - 4))}${iin.slice(-4)}`;
}
