import type { Queryable } from '../db/index.ts';

/** A share of a bucket's allowance this process reserved in the database for the current minute. */
interface Share {
  /** Requests reserved and not yet used. */
  left: number;
  /** The bucket's count in the database after this process's last reservation (all instances). */
  counted: number;
  /** The database granted nothing more this minute. */
  spent: boolean;
  reserving?: Promise<void>;
}

/**
 * How much of each bucket's per-minute allowance one process may use, counted in the database so
 * that every instance draws from the same allowance: a limit never lets more through than it says,
 * however many instances share it.
 *
 * Counting every request with a statement would put a database write on every POST (the
 * verifier's hot path), so a process reserves a share at once, an eighth of what it last saw
 * remaining, and spends it from memory. Shares shrink as the minute's allowance runs out, down
 * to one request at a time, so little can sit unused in one instance while a client is refused by
 * another. A reservation is ONE portable upsert (`ON CONFLICT … DO UPDATE … RETURNING`), and one
 * at a time per bucket in a process: requests arriving meanwhile wait for it.
 */
export class Allowances {
  private minute = -1;
  private shares = new Map<string, Share>();

  constructor(
    private readonly db: Queryable,
    private readonly perMinute: number,
  ) {}

  /**
   * Takes one request from each bucket for `minute` (minutes since the epoch); false when a bucket
   * is spent. Answers synchronously (`true`/`false`) when memory suffices, else a promise.
   */
  take(buckets: readonly string[], minute: number): boolean | Promise<boolean> {
    if (minute !== this.minute) this.startMinute(minute);
    const shares = buckets.map((b) => this.share(b));
    if (shares.some((s) => s.spent)) return false;
    if (shares.every((s) => s.left > 0)) {
      for (const s of shares) s.left--;
      return true;
    }
    return this.takeSlowly(buckets, shares, minute);
  }

  /** What is left of the tightest bucket, as far as this process knows. */
  remaining(buckets: readonly string[]): number {
    return Math.max(0, Math.min(...buckets.map((b) => this.perMinute - this.share(b).counted + this.share(b).left)));
  }

  private async takeSlowly(buckets: readonly string[], shares: Share[], minute: number): Promise<boolean> {
    for (let i = 0; i < shares.length; i++) {
      const share = shares[i]!;
      while (!share.spent && share.left === 0) {
        share.reserving ??= this.reserve(buckets[i]!, share, minute).finally(() => (share.reserving = undefined));
        await share.reserving;
      }
      if (share.spent) return false;
      share.left--;
    }
    return true;
  }

  private async reserve(bucket: string, share: Share, minute: number): Promise<void> {
    const ask = Math.max(1, Math.floor((this.perMinute - share.counted) / 8));
    const row = await this.db.get<{ hits: number }>(
      `INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (?, ?, ?)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + excluded.hits RETURNING hits`,
      [bucket, minute, ask],
    );
    const counted = Number(row!.hits);
    // What this reservation added beyond the allowance was never granted: other instances took it first.
    const granted = Math.max(0, Math.min(ask, this.perMinute - (counted - ask)));
    share.counted = counted;
    share.left += granted;
    if (granted === 0) share.spent = true;
  }

  private share(bucket: string): Share {
    let share = this.shares.get(bucket);
    if (!share) {
      share = { left: 0, counted: 0, spent: false };
      this.shares.set(bucket, share);
    }
    return share;
  }

  /** A new minute: fresh shares, and the counters of minutes before the last deleted. */
  private startMinute(minute: number): void {
    this.minute = minute;
    this.shares = new Map();
    this.db.run('DELETE FROM rate_limit_windows WHERE window_start < ?', [minute - 1]).catch(() => undefined);
  }
}
