/**
 * Layer rules of KTP Station (docs: DESIGN.md "Shape"). `npm run lint` fails on any violation,
 * naming the rule. Each rule says why it exists.
 */
module.exports = {
  forbidden: [
    {
      name: 'renderer-imports-only-contract-types',
      comment: 'The renderer reaches the core only through the contract, and only for types: no Node, no core code in the window.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/', pathNot: '^src-main/contract/' },
    },
    {
      name: 'renderer-contract-is-type-only',
      comment: 'The renderer takes its types from src-main/contract with `import type`; runtime code stays in the core.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'The renderer is sandboxed: no Node built-ins.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-never-imports-electron-shell',
      comment: 'The core runs on plain Node under either host; only src-main/electron/ knows Electron.',
      severity: 'error',
      from: { path: '^src-main/', pathNot: '^src-main/electron/' },
      to: { path: '^src-main/electron/' },
    },
    {
      name: 'only-electron-shell-imports-electron',
      comment: 'The electron module is imported by the shell only.',
      severity: 'error',
      from: { path: '^src-main/', pathNot: '^src-main/electron/' },
      to: { path: '^electron$|node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-never-imports-renderer',
      comment: 'The core does not depend on the UI.',
      severity: 'error',
      from: { path: '^src-main/' },
      to: { path: '^src-renderer/' },
    },
    {
      name: 'only-store-imports-sqlite',
      comment: 'A module owns its tables: only src-main/store/ runs SQL.',
      severity: 'error',
      from: { pathNot: '^src-main/store/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'only-devices-import-serial-and-hid',
      comment: 'Device transports live in src-main/devices/.',
      severity: 'error',
      from: { pathNot: '^src-main/devices/' },
      to: { path: 'node_modules/(serialport|@serialport/[^/]+|node-hid)/' },
    },
    {
      name: 'contract-depends-on-nothing-of-the-core',
      comment: 'The contract is shared with the renderer: it may import zod and itself only.',
      severity: 'error',
      from: { path: '^src-main/contract/' },
      to: { path: '^src-main/', pathNot: '^src-main/contract/' },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports hide the layering.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    exclude: { path: '^dist/' },
  },
};
