import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

export interface LoggerOptions {
  dataDir: string;
  /** Console level; the file always gets `info` and above. */
  consoleLevel?: pino.Level | 'silent';
  /** Console stream; stderr by default so that stdout stays for the URL line and CLI output. */
  console?: NodeJS.WritableStream;
}

/**
 * Structured JSON logs to `<dataDir>/logs/station.log`, rotated at 10 MB or daily, 14 files kept,
 * and to the console.
 */
export function createLogger({ dataDir, consoleLevel = 'info', console = process.stderr }: LoggerOptions): {
  logger: Logger;
  logFile: string;
  close: () => Promise<void>;
} {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = createStream('station.log', { path: dir, size: '10M', interval: '1d', maxFiles: 14 });
  const streams: pino.StreamEntry[] = [{ level: 'info', stream: file }];
  if (consoleLevel !== 'silent') streams.push({ level: consoleLevel, stream: console });
  const logger = pino(
    {
      level: 'info',
      base: { app: 'ktp-station' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['token', '*.token', 'params.password', '*.password'], censor: '[disimpan]' },
    },
    pino.multistream(streams),
  );
  return {
    logger,
    logFile: join(dir, 'station.log'),
    close: () =>
      new Promise<void>((resolveClose) => {
        logger.flush();
        file.end(() => resolveClose());
      }),
  };
}
