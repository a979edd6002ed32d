/**
 * What the seed made, counted the way `GET /v1/stats` counts it, so the two can be compared:
 * volunteers are distinct holders of claimed, non-revoked credentials; hours count those only.
 */
export interface SeedTotals {
  volunteers: number;
  organizations: number;
  activities: number;
  credentialsClaimed: number;
  credentialsRevoked: number;
  hours: number;
}

export class SeedTally {
  activities = 0;
  credentialsClaimed = 0;
  credentialsRevoked = 0;
  failures = 0;
  private hoursSum = 0;
  private readonly organizations = new Set<number>();
  /** Valid credentials per volunteer, by volunteer number. */
  private readonly held: Uint32Array;

  constructor(volunteers: number) {
    this.held = new Uint32Array(volunteers);
  }

  recorded(organization: number): void {
    this.activities++;
    this.organizations.add(organization);
  }

  claimed(volunteer: number, hours: number): void {
    this.credentialsClaimed++;
    this.held[volunteer]!++;
    this.hoursSum += hours;
  }

  revoked(volunteer: number, hours: number): void {
    this.credentialsRevoked++;
    this.held[volunteer]!--;
    this.hoursSum -= hours;
  }

  totals(): SeedTotals {
    return {
      volunteers: this.held.reduce((n, c) => n + (c > 0 ? 1 : 0), 0),
      organizations: this.organizations.size,
      activities: this.activities,
      credentialsClaimed: this.credentialsClaimed,
      credentialsRevoked: this.credentialsRevoked,
      hours: Math.round(this.hoursSum * 100) / 100,
    };
  }
}
