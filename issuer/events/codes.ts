import { createKeyedHash, safeEqual } from '../../shared/crypto/index.ts';
import type { Config } from '../../shared/config.ts';

/**
 * The check-in QR codes of an event. The screen's code changes every `checkInCodeSeconds` (30 s):
 * `{eventId}.{window}.{mac}`, where the window is the period's number since the epoch and the mac
 * a keyed hash of both, so no code needs storing and none can be made up. A code is refused once
 * its window and one more have passed (the grace covers a scan at a window's last second). The
 * printed code, `{eventId}.p.{mac}`, works only on the event's dates.
 */
export interface CheckInCode {
  code: string;
  /** When the code stops being accepted. */
  expiresAt: Date;
}

export type ReadCode = { eventId: string; printed: true } | { eventId: string; printed: false; window: number };

function macOf(config: Pick<Config, 'passportSecret'>): (value: string) => string {
  return createKeyedHash(config.passportSecret, 'event-check-in-codes');
}

export function currentWindow(config: Pick<Config, 'checkInCodeSeconds'>, now: Date): number {
  return Math.floor(now.getTime() / 1000 / config.checkInCodeSeconds);
}

/** The code the screen shows now, and when the next one replaces it. */
export function rotatingCode(config: Pick<Config, 'passportSecret' | 'checkInCodeSeconds'>, eventId: string, now: Date): CheckInCode & { replacedAt: Date } {
  const window = currentWindow(config, now);
  const period = config.checkInCodeSeconds * 1000;
  return {
    code: `${eventId}.${window}.${macOf(config)(`${eventId}:${window}`)}`,
    replacedAt: new Date((window + 1) * period),
    expiresAt: new Date((window + 2) * period),
  };
}

export function printedCode(config: Pick<Config, 'passportSecret'>, eventId: string): string {
  return `${eventId}.p.${macOf(config)(`${eventId}:printed`)}`;
}

/** The event a code names, when its mac is right; undefined for anything made up. */
export function readCode(config: Pick<Config, 'passportSecret'>, code: string): ReadCode | undefined {
  const parts = code.split('.');
  if (parts.length !== 3) return undefined;
  const [eventId, window, mac] = parts as [string, string, string];
  const mine = macOf(config);
  if (window === 'p') return safeEqual(mac, mine(`${eventId}:printed`)) ? { eventId, printed: true } : undefined;
  if (!/^\d{1,15}$/.test(window)) return undefined;
  return safeEqual(mac, mine(`${eventId}:${window}`)) ? { eventId, printed: false, window: Number(window) } : undefined;
}

/** Whether a screen code of `window` is still accepted now: its own window and the next. */
export function windowOpen(config: Pick<Config, 'checkInCodeSeconds'>, window: number, now: Date): boolean {
  const current = currentWindow(config, now);
  return window === current || window === current - 1;
}

/**
 * The printed code's days: from the start date's midnight to the end date's last second, in
 * Kazakhstan's time (UTC+5, one zone for the whole country since 2024).
 */
export function printedValidity(startDate: string, endDate: string): { from: Date; until: Date } {
  return { from: new Date(`${startDate}T00:00:00+05:00`), until: new Date(Date.parse(`${endDate}T00:00:00+05:00`) + 86_400_000) };
}
