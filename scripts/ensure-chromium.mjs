// Browser tests use Debian's Chromium, never a browser downloaded by Playwright (no such download
// works on our machines). Installs it when missing and possible (root with apt), else says how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasWorkingChromium() {
  if (!existsSync(chromiumPath)) return false;
  return spawnSync(chromiumPath, ['--version'], { stdio: 'ignore' }).status === 0;
}

if (!hasWorkingChromium()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
    console.log('Chromium is missing: installing Debian\'s chromium package (apt-get install -y chromium)…');
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!hasWorkingChromium()) {
    console.error(
      `No Chromium at ${chromiumPath}. Install it with:\n  sudo apt-get install -y chromium\n` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.',
    );
    process.exit(1);
  }
}
