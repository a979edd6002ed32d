import { parseArgs } from 'node:util';

export interface SeedArguments {
  volunteers: number;
  organizations: number;
  issuer: string | undefined;
  seed: string;
  until: string;
  batchSize: number;
  concurrency: number;
  report: string | undefined;
}

export const USAGE = `npm run seed -- --volunteers N --organizations M [--issuer URL] [--seed S] [--until YYYY-MM-DD]
                   [--batch-size 5000] [--concurrency 8] [--report file.json]

  --volunteers N      volunteers to make, each with a did:key and one or more claimed credentials (default 1000)
  --organizations M   organizations to accredit, spread over the regions by population (default 20)
  --issuer URL        seed this running issuer; without it, the issuer at ISSUER_URL if one answers,
                      else one started on DATA_DIR for the time of the seed
  --seed S            the same seed (and --until) makes the same data (default 1)
  --until DAY         activities end within the twelve months up to this day (default today)
  --batch-size B      activities per POST /v1/activities/batch, at most 10000 (default 5000)
  --concurrency C     credentials claimed at once (default 8)
  --report FILE       also write the totals made as JSON, comparable with GET /v1/stats`;

/** Reads and checks the seed's command line; throws a message naming the option at fault. */
export function parseSeedArguments(argv: string[], today: string): SeedArguments | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      volunteers: { type: 'string', default: '1000' },
      organizations: { type: 'string', default: '20' },
      issuer: { type: 'string' },
      seed: { type: 'string', default: '1' },
      until: { type: 'string', default: today },
      'batch-size': { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: '8' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const until = values.until!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) throw new Error('--until must be a day as YYYY-MM-DD');
  if (until > today) throw new Error('--until must not be in the future: credentials record completed work');
  return {
    volunteers: whole('--volunteers', values.volunteers!, 1, 10_000_000),
    organizations: whole('--organizations', values.organizations!, 1, 100_000),
    issuer: values.issuer?.replace(/\/+$/, ''),
    seed: values.seed!,
    until,
    batchSize: whole('--batch-size', values['batch-size']!, 1, 10_000),
    concurrency: whole('--concurrency', values.concurrency!, 1, 256),
    report: values.report,
  };
}

function whole(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}
