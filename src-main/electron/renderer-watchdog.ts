// A window whose renderer crashed or hung is reloaded, with a log entry. Drafts live in the
// store (saved at every step) and the window's connection keeps its operator session in the
// core, so a reload resumes where the operator was.

export interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): void;
  isDestroyed(): boolean;
  reload(): void;
}

export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): void;
}

export interface WatchdogOptions {
  /** How long a hung renderer gets to recover by itself before the reload. */
  hangGraceMs: number;
  log: (level: 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
}

export function watchRenderer(window: WatchedWindow, contents: WatchedContents, { hangGraceMs, log }: WatchdogOptions): void {
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  const reload = (why: string, fields: Record<string, unknown>) => {
    if (contents.isDestroyed()) return;
    log('error', `renderer ${why}; window reloaded (drafts are kept in the store)`, fields);
    contents.reload();
  };
  contents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    reload('process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => {
    log('warn', 'renderer unresponsive', { hangGraceMs });
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      reload('hung', { hangGraceMs });
    }, hangGraceMs);
  });
  window.on('responsive', () => {
    if (hangTimer !== null) clearTimeout(hangTimer);
    hangTimer = null;
  });
}
