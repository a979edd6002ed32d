import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { PassportError } from '../errors.ts';

/**
 * Encrypts small secrets (private keys) at rest with AES-256-GCM under a key derived from
 * `PASSPORT_SECRET` by HKDF. Each purpose gets its own derived key, so a leaked ciphertext of
 * one kind cannot be replayed as another. Format: `v1.{iv}.{ciphertext}.{tag}`, base64url.
 *
 * @example
 * const box = createSecretBox(config.passportSecret, 'issuer-keys');
 * const sealed = box.seal(privateKeyBytes);
 * const plain = box.open(sealed);
 */
export interface SecretBox {
  seal(plain: Uint8Array): string;
  open(sealed: string): Buffer;
}

export function createSecretBox(masterSecret: string, purpose: string): SecretBox {
  if (!masterSecret || masterSecret.length < 16) throw new Error('PASSPORT_SECRET must be at least 16 characters');
  const key = Buffer.from(hkdfSync('sha256', masterSecret, 'volunteer-passport', `secret-box:${purpose}`, 32));
  const aad = Buffer.from(purpose);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) {
        throw new PassportError('internal_error', 'A sealed secret has an unknown format');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(aad);
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
      } catch (cause) {
        // Wrong PASSPORT_SECRET or tampered data: never say more than that.
        throw new PassportError('internal_error', 'A sealed secret could not be opened (wrong PASSPORT_SECRET?)', { cause });
      }
    },
  };
}
