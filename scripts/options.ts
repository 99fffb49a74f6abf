/** Reading the scripts' numeric command-line options, with errors that name the option. */

/** `--NAME VALUE` as a whole number of at least `min`; undefined when the option was not given. */
export function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}
