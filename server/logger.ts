import { pino } from 'pino';
import { config } from './config';

/** Structured JSON logs; pipe through `pino-pretty` when reading them by eye. */
export const logger = pino({
  level: config.NODE_ENV === 'test' ? 'warn' : config.LOG_LEVEL,
  redact: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'headers.authorization'],
});
