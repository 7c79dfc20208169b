// Media tests listen to real speech, made from a fixture text by Debian's espeak-ng and cut with sox
// (server/src/testing/make-speech.ts). Installs both when missing and possible (root, or sudo without a
// password, with apt), else says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';

/** The Debian packages, each with the command that shows it works. */
const tools = [
  { pkg: 'espeak-ng', command: 'espeak-ng', args: ['--version'] },
  { pkg: 'sox', command: 'sox', args: ['--version'] },
];

const works = ({ command, args }) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const missing = () => tools.filter((tool) => !works(tool)).map((tool) => tool.pkg);

/** `apt-get` as root directly, else through a sudo that needs no password; null when neither works. */
function aptRunner() {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  if (process.getuid?.() === 0) return (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) {
    return (args) => execFileSync('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { stdio: 'inherit' });
  }
  return null;
}

let packages = missing();
if (packages.length > 0) {
  const apt = aptRunner();
  if (apt) {
    console.log(`Test speech needs ${packages.join(' and ')}: installing Debian's package${packages.length > 1 ? 's' : ''} (apt-get install -y ${packages.join(' ')})…`);
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    try {
      apt([...lock, 'install', '-y', '-qq', ...packages]);
    } catch {
      apt([...lock, 'update', '-qq']);
      apt([...lock, 'install', '-y', '-qq', ...packages]);
    }
    packages = missing();
  }
  if (packages.length > 0) {
    console.error(`The media tests make their audio from text with espeak-ng and sox. Install them with:\n  sudo apt-get install -y ${packages.join(' ')}\nthen run npm test again.`);
    process.exit(1);
  }
}
