#!/usr/bin/env node
// Usage: npm ci --dry-run 2>&1 | grep "Missing:" | sed "s/npm error Missing: //; s/ from lock file//" > /tmp/missing.txt
//        node .ci/stub-optional-platforms.mjs package-lock.json /tmp/missing.txt
// Adds lockfile entries for platform-specific optional packages the registry mirror does not serve, so `npm ci`
// accepts the lock (npm/cli#9846). Each stub names the version its parent pins and the os/cpu it is for, so npm
// skips it on every other platform without fetching it.
import { readFileSync, writeFileSync } from 'node:fs';
const lockPath = process.argv[2];
const missing = readFileSync(process.argv[3], 'utf8').split('\n').map((l) => l.trim().replace(/@$/, '')).filter(Boolean);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const OS = { darwin: 'darwin', linux: 'linux', win32: 'win32', android: 'android', freebsd: 'freebsd', openharmony: 'openharmony', wasm32: null };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];
for (const name of missing) {
  let version, dev = false, parentKey;
  for (const [key, entry] of Object.entries(lock.packages)) {
    const pin = entry.optionalDependencies?.[name];
    if (pin) { version = pin; dev = Boolean(entry.dev); parentKey = key; break; }
  }
  if (!version) { console.error(`no parent pins ${name}`); continue; }
  const tail = name.split('/').pop();
  const parts = tail.split('-');
  const os = parts.find((p) => p in OS && OS[p]);
  const cpu = parts.find((p) => CPU.includes(p));
  const stub = { version: version.replace(/^[\^~=]/, ''), optional: true };
  if (dev) stub.dev = true;
  if (cpu) stub.cpu = [cpu === 'wasm32' ? 'wasm32' : cpu];
  if (os) stub.os = [os];
  if (tail.includes('wasm32')) stub.cpu = ['wasm32'];
  if (/-gnu|gnueabihf/.test(tail)) stub.libc = ['glibc'];
  if (/-musl/.test(tail)) stub.libc = ['musl'];
  lock.packages[`node_modules/${name}`] = stub;
  console.log(name, JSON.stringify(stub), 'from', parentKey);
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
