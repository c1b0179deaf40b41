import { spawn } from 'node:child_process';

/** Opens a URL in the desktop's browser when there is one; silently does nothing on a headless box. */
export function openInBrowser(url: string): boolean {
  const command =
    process.platform === 'win32'
      ? { cmd: 'cmd', args: ['/c', 'start', '""', url] }
      : process.platform === 'darwin'
        ? { cmd: 'open', args: [url] }
        : process.env['DISPLAY'] !== undefined || process.env['WAYLAND_DISPLAY'] !== undefined
          ? { cmd: 'xdg-open', args: [url] }
          : null;
  if (command === null) return false;
  try {
    const child = spawn(command.cmd, command.args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
