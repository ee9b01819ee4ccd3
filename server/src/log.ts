/**
 * One line per event, `time level scope: message key=value…`, on stderr for warnings and errors.
 * Injected everywhere (never imported as a global) so tests can capture what was logged.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(scope: string, message: string, fields?: LogFields): void;
  warn(scope: string, message: string, fields?: LogFields): void;
  error(scope: string, message: string, fields?: LogFields): void;
}

export function formatLogLine(level: LogLevel, scope: string, message: string, fields: LogFields = {}): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : value}`);
  return [new Date().toISOString(), level.toUpperCase(), `${scope}:`, message, ...pairs].join(' ');
}

export const consoleLogger: Logger = {
  info: (scope, message, fields) => process.stdout.write(`${formatLogLine('info', scope, message, fields)}\n`),
  warn: (scope, message, fields) => process.stderr.write(`${formatLogLine('warn', scope, message, fields)}\n`),
  error: (scope, message, fields) => process.stderr.write(`${formatLogLine('error', scope, message, fields)}\n`),
};

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: LogLevel) => (scope: string, message: string, fields?: LogFields) => {
    lines.push(formatLogLine(level, scope, message, fields));
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
