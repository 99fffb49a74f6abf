/** What the hoax scorer reads of a post. */
import type { ClaimMatch } from '../../claims/types';
import type { NormalisedText } from '../types';

/** What the source says about the poster (the post contract's `author`). */
export interface HoaxAuthor {
  /** The account's handle (`BPBDJakarta`, with or without `@`): an official account is a counter-signal. */
  readonly handle?: string;
  /** ISO 8601. */
  readonly createdAt?: string;
  readonly followers?: number;
  readonly following?: number;
  readonly verified?: boolean;
}

export interface HoaxInput {
  /** The post as written: capitals and punctuation runs are read from it. */
  readonly text: string;
  readonly norm: NormalisedText;
  readonly author?: HoaxAuthor;
  /** When the post was made (ISO 8601): an account's age is measured at this time, never at "now". */
  readonly postedAt?: string;
  /** The debunked claim the post repeats, if the claims store found one. */
  readonly claim?: ClaimMatch;
}
