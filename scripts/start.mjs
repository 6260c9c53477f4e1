#!/usr/bin/env node
/**
 * `npm start`: builds the PWA when dist/ is missing or older than its sources,
 * then runs the server (src/server/main.ts) with tsx, passing signals through
 * so Ctrl+C and `docker stop` shut it down cleanly.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const BUILD_INPUTS = ['src/app', 'src/shared', 'public', 'index.html', 'vite.config.ts', 'scripts/precompress.ts'];

/** Newest modification time under `target` (a file or a directory), 0 when absent. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    if (error.code === 'ENOENT') return 0;
    throw error;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

function needsBuild() {
  const built = newestMtime(path.join(root, 'dist', 'index.html'));
  if (built === 0) return true;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

/** Runs a command to completion, forwarding SIGINT/SIGTERM to it; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

async function main() {
  if (needsBuild()) {
    console.log('Building the app (dist/ is missing or older than its sources)...');
    const code = await run(bin('vite'), ['build']);
    if (code !== 0) {
      console.error('The app build failed; not starting the server.');
      return code;
    }
  }
  return run(bin('tsx'), ['src/server/main.ts']);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('npm start failed:', error.message);
    process.exit(1);
  },
);
