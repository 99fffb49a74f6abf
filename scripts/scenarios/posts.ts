/** What every generated post shares: its X-style id, its engagement, and the contract check. */
import { describeIssues, PostSchema, type Post } from '../../shared/post';
import { type Dice } from './dice';

const TWITTER_EPOCH = 1288834974657n;

/** An X status id (snowflake) for a post made at `ms`, with random low bits. */
export function snowflakeId(dice: Dice, ms: number): string {
  return (((BigInt(Math.floor(ms)) - TWITTER_EPOCH) << 22n) | BigInt(dice.int(0, 0x3fffff))).toString();
}

type Engagement = { likes: number; reposts: number; replies: number; quotes: number; views?: number };

/** Likes, reposts, replies and quotes (and views, when asked) for an author of `followers`; a viral post gets 25 times more. */
export function engagement(dice: Dice, followers: number, viral: boolean, withViews = false): Engagement {
  const reach = Math.log10(10 + followers);
  const boost = viral ? 25 : 1;
  return {
    likes: Math.round(dice.heavy(3, 1) * reach * boost),
    reposts: Math.round(dice.heavy(0.6, 1.2) * reach * boost),
    replies: dice.heavy(1, 1),
    quotes: viral ? dice.heavy(3, 1) : dice.chance(0.05) ? 1 : 0,
    ...(withViews ? { views: Math.round(dice.heavy(150, 1) * reach * boost) } : {}),
  };
}

/** A chain message's usual dress: now and then all capitals (`shout` of the time), sometimes a line a sentence. */
export function chainMessage(dice: Dice, parts: readonly string[], shout: number): string {
  let text = parts.join(' ');
  if (dice.chance(shout)) text = text.toUpperCase();
  if (dice.chance(0.15)) text = text.replace(/\.\s/g, '\n');
  return text;
}

/** Throws unless `post` keeps contract v1; `name` says which post in the message. */
export function checkContract(post: Post, name: string, showPost = false): void {
  const checked = PostSchema.safeParse(post);
  if (!checked.success)
    throw new Error(`${name} breaks contract v1: ${describeIssues(checked.error, post)}${showPost ? `\n${JSON.stringify(post)}` : ''}`);
}
