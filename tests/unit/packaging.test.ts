// The packaging configuration as electron-builder will read it, checked without running it
// (it needs Electron's downloads): targets, natives, icons, the device rules in the deb.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  linux: { target: string[]; icon: string; extraResources: Array<{ from: string; to: string }> };
  deb: { depends: string[]; afterInstall: string; afterRemove: string };
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
}

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('builds AppImage and deb for Linux, NSIS x64 for Windows, under the app id and product name', () => {
    expect(config.appId).toBe('id.go.dukcapil.ktpstation');
    expect(config.productName).toBe('KTP Station');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('unpacks the native modules from the asar and rebuilds them at packaging time, never in postinstall', () => {
    for (const native of ['better-sqlite3', 'node-hid']) expect(config.asarUnpack.some((p) => p.includes(native))).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('serialport'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(pkg.scripts['postinstall']).toBeUndefined();
    // The one install script builds the station's own kernels for Node (native/), tolerant of a
    // failed build; nothing is built for Electron at install time.
    expect(pkg.scripts['install']).toBe('node scripts/native-build.mjs');
    // Packaged apps load these at run time: they must be production dependencies.
    for (const runtime of ['better-sqlite3', 'serialport', 'node-hid']) expect(pkg.dependencies[runtime]).toBeDefined();
    expect(pkg.dependencies['electron']).toBeUndefined();
  });

  it('packs the native kernels outside the asar, with their loader and headers-only build dependency in production', () => {
    expect(config.files).toContain('native/build/Release/ktp_kernels.node');
    expect(config.asarUnpack).toContain('native/build/Release/*.node');
    for (const runtime of ['node-gyp-build', 'node-addon-api']) expect(pkg.dependencies[runtime]).toBeDefined();
    const dist = readFileSync(join(ROOT, 'scripts', 'dist.mjs'), 'utf8');
    expect(dist).toContain('buildNativeKernels(stage)');
  });

  it('points at icons and scripts that exist', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(ROOT, config.linux.icon, `${size}x${size}.png`)), `${size}`).toBe(true);
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    for (const script of [config.deb.afterInstall, config.deb.afterRemove]) expect(existsSync(join(ROOT, script)), script).toBe(true);
  });

  it('ships the udev rules in the deb and installs them for every device vendor', () => {
    const rules = config.linux.extraResources.find((r) => r.to.startsWith('udev/'));
    expect(rules).toBeDefined();
    const text = readFileSync(join(ROOT, rules?.from ?? ''), 'utf8');
    for (const [vendor, product] of [['1a86', '7523'], ['10c4', 'ea60'], ['0403', '6001']]) {
      expect(text).toMatch(new RegExp(`ATTRS\\{idVendor\\}=="${vendor}", ATTRS\\{idProduct\\}=="${product}"`));
    }
    for (const vendor of ['056a', '0f49']) expect(text).toContain(`ATTRS{idVendor}=="${vendor}"`);
    // Every rule line is KEY=="value" / KEY="value" pairs, each with a mode and uaccess.
    const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    for (const line of lines) {
      for (const pair of line.split(', ')) expect(pair, line).toMatch(/^[A-Z]+(\{[A-Za-z_]+\})?(==|=|\+=)"[^"]*"$/);
      expect(line).toContain('TAG+="uaccess"');
    }
    expect(readFileSync(join(ROOT, config.deb.afterInstall), 'utf8')).toContain(`resources/${rules?.to ?? ''}`);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libusb-1.0-0', 'udev']));
  });
});
