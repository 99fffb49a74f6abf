/**
 * What Linux says about a process (/proc): DynamoDB Local's Java process found by its port, and
 * its memory and CPU time, for the load run and the benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Linux clock ticks per second (/proc/<pid>/stat times); 100 on every usual kernel. */
const CLOCK_TICKS = 100;

export interface ProcSample {
  readonly rssKb: number;
  readonly hwmKb: number;
  readonly cpuSeconds: number;
}

/** DynamoDB Local's Java process: the one running DynamoDBLocal.jar on our port (it runs under a shell watchdog). */
export function findJava(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('-port');
      if (args.some((a) => a.endsWith('DynamoDBLocal.jar')) && at >= 0 && args[at + 1] === String(port) && !args[0]?.endsWith('bash'))
        return Number(entry);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return undefined;
}

export function sampleProc(pid: number): ProcSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    // Fields after the command name (which may hold spaces) in /proc/<pid>/stat: utime is 14th, stime 15th overall.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM'), cpuSeconds: ticks / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}
