/**
 * The Debian packages the tests use, checked before the tests run (`npm test`, `.ci/run`) and
 * installed when missing: LibreOffice Calc and python3 with rdflib and openpyxl (independent readers
 * of the CSVs and the RDF), Chromium (the portal page) with Japanese fonts (readable screenshots).
 *
 *   npx tsx test/setup/systemPackages.ts
 *
 * As root it runs `apt-get update` and `apt-get install` for the missing packages
 * (DEBIAN_FRONTEND=noninteractive); as another user it prints the command to run as root and exits 1.
 * The global setup of the tests runs the same check, so a test that needs a missing package fails
 * naming it (`requireSystemPackages` in test/helpers.ts), never skips.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { $, which } from 'zx';

/** Where the browser tests find Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The python3 the tests run (Debian's, which has the Debian modules). */
export const PYTHON = '/usr/bin/python3';

/** Each Debian package the tests use, with how to tell it is there. */
const PACKAGES: Record<string, () => Promise<boolean>> = {
  'libreoffice-calc-nogui': async () => (await which('soffice', { nothrow: true })) !== null,
  chromium: async () => existsSync(CHROMIUM),
  python3: async () => existsSync(PYTHON),
  'python3-rdflib': async () => (await $({ nothrow: true, quiet: true })`${PYTHON} -c 'import rdflib'`).ok,
  'python3-openpyxl': async () => (await $({ nothrow: true, quiet: true })`${PYTHON} -c 'import openpyxl'`).ok,
  'fonts-noto-cjk': async () => (await $({ nothrow: true, quiet: true })`dpkg-query -W ${'-f=${Status}'} fonts-noto-cjk`).stdout === 'install ok installed',
};

/** The Debian packages the tests use that are not installed, in a fixed order. */
export async function missingSystemPackages(): Promise<string[]> {
  const names = Object.keys(PACKAGES);
  const present = await Promise.all(names.map((name) => PACKAGES[name]!()));
  return names.filter((_, i) => !present[i]);
}

/** The command that installs `packages`, to run as root. */
export function installCommand(packages: readonly string[]): string {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
}

async function main(): Promise<void> {
  const missing = await missingSystemPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`The tests need Debian packages that are not installed: ${missing.join(', ')}. Install them as root:\n\n  sudo sh -c '${installCommand(missing)}'\n`);
    process.exit(1);
  }
  console.error(`Installing the Debian packages the tests need: ${missing.join(', ')}`);
  const apt = $({ stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  await apt`apt-get update -q`;
  await apt`apt-get install -y -q ${missing}`;
  const still = await missingSystemPackages();
  if (still.length > 0) {
    console.error(`Still missing after apt-get install: ${still.join(', ')}`);
    process.exit(1);
  }
}

// Run as a script (not when the tests' global setup imports the check).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
