// What Maven runs for this module, with the machine's own node and npm (nothing downloads a Node
// or a browser):
//   node scripts/build.mjs build   npm ci when package-lock.json changed since the last install,
//                                  then type-check and vite build, unless no input changed since
//                                  the last build (the output is then left as it is)
//   node scripts/build.mjs test    vitest run
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'classes', 'META-INF', 'resources');
const buildStamp = join(root, 'target', 'spa-build.sha256');
const depsStamp = join(root, 'node_modules', '.ledgerline-lock.sha256');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) {
    console.error(`portal-spa: ${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(relative(root, path));
    hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : null);

function ensureDependencies() {
  const lock = hashOf([join(root, 'package-lock.json')]);
  if (existsSync(join(root, 'node_modules')) && read(depsStamp) === lock) return;
  console.log('portal-spa: npm ci (package-lock.json changed or node_modules missing)');
  run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(depsStamp, lock + '\n');
}

function build() {
  ensureDependencies();
  const inputs = [
    ...filesUnder(join(root, 'src')),
    ...['index.html', 'package-lock.json', 'tsconfig.json', 'vite.config.ts'].map((f) => join(root, f)),
  ];
  const digest = hashOf(inputs);
  if (existsSync(join(out, 'index.html')) && read(buildStamp) === digest) {
    console.log('portal-spa: build up to date');
    return;
  }
  run(npm, ['run', '--silent', 'build']);
  mkdirSync(dirname(buildStamp), { recursive: true });
  writeFileSync(buildStamp, digest + '\n');
}

const goal = process.argv[2] ?? 'build';
if (goal === 'build') build();
else if (goal === 'test') {
  ensureDependencies();
  run(npm, ['run', '--silent', 'test']);
} else {
  console.error(`unknown goal ${goal}`);
  process.exit(2);
}
