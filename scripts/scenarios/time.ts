import { HOUR } from '../../shared/time';

export { DAY, HOUR, MINUTE } from '../../shared/time';

/** Western Indonesia Time (Jakarta) is UTC+7 all year. */
const WIB = 7 * HOUR;

/** The WIB wall clock of an epoch-ms time, as a Date whose UTC fields read WIB. */
export const wibClock = (ms: number): Date => new Date(ms + WIB);

/** The WIB hour (0–23) of an epoch-ms time. */
export const wibHour = (ms: number): number => wibClock(ms).getUTCHours();

/** ISO 8601 in UTC, to the second (`2026-11-26T08:15:00Z`), as the collectors write it. */
export const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
