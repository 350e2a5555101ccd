// Builds the console and the server only when what goes into them changed since the last complete build, so
// that `npm start` and `npm run demo` restart in seconds. The build writes a stamp holding the hash of its
// inputs' content (not their times, which a checkout or a copy changes without changing anything):
//
//   node scripts/build-stamp.mjs begin    before a build: remove the stamp, keep the inputs' hash aside
//   node scripts/build-stamp.mjs finish   after a successful build: that hash becomes the stamp
//   node scripts/build-stamp.mjs check    exit 0 when dist/ is current, else 1 with the reason
//   node scripts/build-stamp.mjs ensure   run `npm run build` unless dist/ is current
//
// A build that fails or stops halfway leaves no stamp, so the next start builds again. Run from the project
// folder (npm does).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Everything the two builds read besides node_modules, whose versions package-lock.json pins. */
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'scripts/build-server.mjs', 'package-lock.json', 'public'];
const OUTPUTS = ['dist/web/index.html', 'dist/server/main.js', 'dist/server/serve.js'];
const STAMP = 'dist/build-stamp.json';
const PENDING = 'dist/build-stamp.pending.json';

function files(entry) {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => files(path.join(entry, d.name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Why dist/ is not current, or null when it is. */
function staleReason() {
  if (!fs.existsSync(STAMP)) return 'no complete build yet';
  const missing = OUTPUTS.find((f) => !fs.existsSync(f));
  if (missing) return `${missing} is missing`;
  const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  if (stamp.hash !== inputsHash()) return 'the sources changed since the last build';
  return null;
}

function runBuild() {
  // Under npm, npm_execpath is npm's own script; elsewhere npm is on the PATH.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

const command = process.argv[2];
if (command === 'begin') {
  fs.rmSync(STAMP, { force: true });
  fs.mkdirSync(path.dirname(PENDING), { recursive: true });
  fs.writeFileSync(PENDING, `${JSON.stringify({ hash: inputsHash() })}\n`);
} else if (command === 'finish') {
  if (!fs.existsSync(PENDING)) {
    console.error('build-stamp: finish without begin; no stamp written');
    process.exit(1);
  }
  const { hash } = JSON.parse(fs.readFileSync(PENDING, 'utf8'));
  fs.writeFileSync(STAMP, `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
  fs.rmSync(PENDING);
} else if (command === 'check') {
  const reason = staleReason();
  if (reason) console.log(`The build is not current: ${reason}.`);
  process.exit(reason ? 1 : 0);
} else if (command === 'ensure') {
  const reason = staleReason();
  if (!reason) {
    console.log('The console and the server are built from the current sources; starting without a build.');
    process.exit(0);
  }
  console.log(`Building the console and the server (${reason})…`);
  process.exit(runBuild());
} else {
  console.error('usage: node scripts/build-stamp.mjs begin|finish|check|ensure');
  process.exit(2);
}
