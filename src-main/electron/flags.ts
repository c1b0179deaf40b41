/** The value after `name` on a command line (`--config FILE`), or undefined. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  const value = index >= 0 ? argv[index + 1] : undefined;
  return value === undefined || value.startsWith('--') ? undefined : value;
}

/** The flags main forwards to the core process. */
export function coreArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of ['--config', '--data']) {
    const value = flagValue(argv, name);
    if (value !== undefined) out.push(name, value);
  }
  return out;
}
