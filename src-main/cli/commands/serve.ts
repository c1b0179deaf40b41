import type { Command } from 'commander';
import { bootStation } from '../../core/boot.js';
import { startWebHost } from '../../web/server.js';
import { locateRendererDir } from '../locate.js';
import { reportError } from '../report-error.js';
import { openInBrowser } from '../open-browser.js';

interface ServeFlags {
  config?: string;
  data?: string;
  port: string;
  allowRemote?: boolean;
  open?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the station with the web host on 127.0.0.1 (UI + API). / Jalankan station dengan host web.')
    .option('--config <file>', 'station.config.json (default: $KTP_STATION_CONFIG; none = training mode)')
    .option('--data <dir>', 'data folder (overrides the config\'s dataDir)')
    .option('--port <n>', 'TCP port; 0 picks a free one', '0')
    .option('--allow-remote', 'listen on every interface instead of loopback only (prints a warning)')
    .option('--open', 'open the UI in the default browser when one is available')
    .addHelpText(
      'after',
      '\nThe first line on stdout is the address with the launch token:\n  KTP Station: http://127.0.0.1:PORT/#token=TOKEN\n',
    )
    .action(async (flags: ServeFlags) => {
      process.exitCode = await serve(flags);
    });
}

async function serve(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`GALAT: --port harus bilangan 0–65535 / ERROR: --port must be a number 0–65535 (got "${flags.port}")\n`);
    return 2;
  }
  let booted;
  try {
    booted = await bootStation({ configFlag: flags.config, dataFlag: flags.data, host: 'web' });
  } catch (error: unknown) {
    return reportError(error);
  }
  const allowRemote = flags.allowRemote === true;
  try {
    const host = await startWebHost(booted.station, {
      port,
      bindAddress: allowRemote ? '0.0.0.0' : '127.0.0.1',
      allowRemote,
      rendererDir: locateRendererDir(),
    });
    process.stdout.write(`KTP Station: ${host.url}\n`);
    if (allowRemote) {
      process.stderr.write(
        'PERINGATAN: --allow-remote: station menerima sambungan dari jaringan. Hanya untuk jaringan kantor yang tepercaya.\n' +
          'WARNING: --allow-remote: the station accepts connections from the network. Use only on a trusted office network.\n',
      );
    }
    if (booted.setup.mode === 'training') {
      process.stderr.write(`MODE PELATIHAN / TRAINING MODE — data: ${booted.setup.dataDir}\n`);
    }
    if (flags.open === true) openInBrowser(host.url);
    await new Promise<void>((resolveWait) => {
      const stop = () => resolveWait();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await booted.shutdown();
    return 0;
  } catch (error: unknown) {
    await booted.shutdown();
    return reportError(error);
  }
}
