import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines by default; readable lines when a person is watching the terminal. */
export function createLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  if (pretty) {
    return pino({ level, transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}

export const silentLogger: Logger = pino({ level: 'silent' });
