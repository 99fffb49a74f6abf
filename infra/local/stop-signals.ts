/**
 * Ctrl-C and SIGTERM while Pantau runs on the local stack: one way to stop for every command.
 * The first signal aborts the controller, so the work in progress ends the way it ends normally
 * (a run prints its summary, the emulators stop); a second one ends the process at once.
 */

/** The exit code a shell expects after a signal: 128 + its number. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1;
}

export interface StopSignals {
  /** Aborted, with the signal's name as its reason, on the first Ctrl-C or SIGTERM. */
  readonly signal: AbortSignal;
  /** The signal that stopped the work, if one did. */
  readonly received: () => NodeJS.Signals | undefined;
  /** Stops listening (call it in `finally`). */
  readonly dispose: () => void;
}

export function listenForStop(opts: { readonly err?: NodeJS.WritableStream; readonly what?: string } = {}): StopSignals {
  const controller = new AbortController();
  const err = opts.err ?? process.stderr;
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received !== undefined) {
      err.write(`\nPantau: ${signal} again, stopping now.\n`);
      process.exit(signalExitCode(signal));
    }
    received = signal;
    err.write(`\nPantau: ${signal}, stopping ${opts.what ?? 'the local stack'} (${signal} again to stop at once) ...\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}
