/** The accounts that post in a scenario. */

/** An account's fields, as a post's `author` carries them. */
export interface Author {
  readonly id: string;
  readonly handle: string;
  readonly followers: number;
  readonly following: number;
  readonly createdAt: string;
  readonly verified: boolean;
}

export type AccountFields = Omit<Author, 'id'>;

/** Numbers accounts in the order they are made; each gets an id from its sequence number. */
export class Accounts {
  private seq = 0;

  /** A new account: the next id, and the fields `draw` gives for its sequence number. */
  next(draw: (seq: number) => AccountFields): Author {
    this.seq += 1;
    return { id: String(100_000_000 + this.seq * 7919), ...draw(this.seq) };
  }
}
