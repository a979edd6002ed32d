/** The explanatory text of BENCHMARKS.md, written above each run's table. */
export const BENCHMARKS_TEXT = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); see docs/performance.md for how to run it and what
each figure means. Every figure is measured against a baseline **in the same run**, so the ratios
mean something on any machine; absolute rates depend on the machine and on what else runs on it.

- **ratio** = our rate / the baseline's rate (higher is better; 1.0 would be the baseline itself).
- In-process figures: the verifier's own code (\`createVerifier\`, every check: signature,
  issuer accreditation on the trust list, status list, expiry, schema) with caches warm, against
  Node's \`crypto.verify\` of one Ed25519 signature over the same JWT with an already imported key.
  A presentation counts one signature per credential plus its own.
- HTTP figures: \`autocannon\` in a process of its own on loopback, \`32\` connections, against a
  verifier service started as in production (\`tsx verifier/main.ts\`) and against a bare
  \`node:http\` server that parses the same JSON body and verifies one Ed25519 signature. The two
  are loaded in turn, in alternated rounds, and the ratio is the median of the rounds' ratios:
  the capacity of a shared machine drifts within a minute, and two loads back to back see nearly
  the same machine.
- The floor of a claim: the claims' wallets against \`bench/floor-issuer.mjs\`, plain \`node:http\`
  and SQLite doing only what a claim cannot do without (the code and token, the nonce, the proof
  verified, the credential row, one signature), so the table shows what the machine allows a
  claim beside what the issuer reaches.
- Memory: the resident set of the service and its workers, from /proc, sampled every 200 ms.
`;

export function coresText(one: number, two: number, bare: number, cores: number): string {
  return [
    '### What a second core gives',
    '',
    `With the load generator pinned to core 0 (\`taskset -c 0\`), \`POST /v1/verify\` answered ${Math.round(one)}/s with`,
    `WORKERS=1 and ${Math.round(two)}/s with WORKERS=2 (${(two / one).toFixed(2)}×) on ${cores} cores; the bare server reached ${Math.round(bare)}/s`,
    'under the same pinning. On a 2-core machine the load generator still shares core 0 with one of the',
    'workers, so this understates what a second core gives a verifier whose cores are its own.',
  ].join('\n');
}
