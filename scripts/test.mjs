// `npm test`: every check the project has, in the order that fails fastest, then one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const reports = mkdtempSync(path.join(os.tmpdir(), 'verity-test-reports-'));
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
const isE2eSkipped = process.argv.includes('--no-e2e');

const steps = [
  ['Generate the Prisma client', 'node', ['scripts/prisma-generate.mjs']],
  ['Type-check', 'npx', ['tsc', '-b']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['espeak-ng and sox for test speech', 'node', ['scripts/ensure-speech-tools.mjs']],
  ['Unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ...(isE2eSkipped
    ? []
    : [
        ['Build the client', 'npm', ['run', '-s', 'build', '-w', 'client']],
        ['Chromium for browser tests', 'node', ['scripts/ensure-chromium.mjs']],
        ['Browser tests', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }],
      ]),
];

let failedStep = null;
for (const [title, command, args, env] of steps) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failedStep = title;
    break;
  }
}

/** Counts from the runners' JSON reports, so the last line tells the whole run at a glance. */
function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  if (existsSync(playwrightReport)) {
    const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  return { passed, failed, skipped };
}

const { passed, failed, skipped } = counts();
if (failedStep) console.error(`\n✖ ${failedStep} failed.`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
