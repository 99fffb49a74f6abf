/**
 * Stream sequence numbers: decimal strings of up to 40 digits, increasing along a shard. Compared
 * as such, padded to one width (also how a writer's mark is stored).
 */
export function seqKey(seq: string): string {
  return seq.padStart(40, '0');
}

/** True when `seq` comes after `mark` ('' comes before everything). */
export function seqAfter(seq: string, mark: string): boolean {
  return mark === '' || seqKey(seq) > seqKey(mark);
}
