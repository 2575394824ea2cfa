/** Log levels of the reference server, most to least severe. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A minimal leveled logger writing to stderr. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** A logger that prints messages at `level` or more severe to stderr, prefixed with time and level. */
export function createLogger(level: LogLevel = 'info'): Logger {
  const max = LOG_LEVELS.indexOf(level);
  const at = (l: LogLevel) =>
    LOG_LEVELS.indexOf(l) <= max ? (m: string) => process.stderr.write(`${new Date().toISOString()} ${l.toUpperCase()} ${m}\n`) : () => {};
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
