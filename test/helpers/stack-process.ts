/** Starts and drives a process holding a local stack (test/helpers/stack-child.ts). */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { StackAnswer, StackRequest } from './stack-child';

const CHILD = join(__dirname, 'stack-child.ts');
const ROOT = resolve(__dirname, '../..');

/** An error as the child process threw it: same name, same message. */
export class ChildError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StackProcess {
  readonly pid: number;
  /** Sends a request; resolves with the answer's value, or rejects with the child's error. */
  send(request: StackRequest): Promise<unknown>;
  /** Closes its stdin (it stops its stack and exits) and waits for it to end. */
  end(): Promise<void>;
}

export function startStackProcess(env: NodeJS.ProcessEnv = process.env): StackProcess {
  const child: ChildProcess = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: ((answer: StackAnswer) => void)[] = [];
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  void exited.then(() => {
    for (const answer of waiting.splice(0)) answer({ ok: false, name: 'Error', message: 'the stack process ended' });
  });
  if (!child.stdout || !child.stdin) throw new Error('the stack process has no stdio');
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(JSON.parse(line) as StackAnswer));
  const stdin = child.stdin;
  return {
    pid: child.pid ?? -1,
    send(request) {
      return new Promise((ok, fail) => {
        waiting.push((answer) => (answer.ok ? ok(answer.value) : fail(new ChildError(answer.name, answer.message))));
        stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    async end() {
      stdin.end();
      await exited;
    },
  };
}
