/** The demo day's drafts written out as posts in contract v1, in time order. */
import { type Post } from '../../../shared/post';
import { type Dice } from '../dice';
import { checkContract, engagement, snowflakeId } from '../posts';
import { isoSeconds } from '../time';
import { type Draft } from './day';

function metrics(dice: Dice, draft: Draft): Post['metrics'] {
  // A chain message is reposted, hardly liked.
  if (draft.kind === 'hoax') return { likes: dice.int(0, 15), reposts: dice.int(20, 400), replies: dice.int(0, 12), quotes: dice.int(0, 8) };
  return engagement(dice, draft.author.followers, draft.viral ?? false);
}

/** The drafts as posts (`demo-00001`, …), in the order given; each is checked against contract v1. */
export function toPosts(dice: Dice, drafts: readonly Draft[]): Post[] {
  return drafts.map((draft, index) => {
    const snowflake = snowflakeId(dice, draft.at);
    const links = draft.text.match(/https?:\/\/\S+/g);
    const post = {
      v: 1 as const,
      source: 'file',
      id: `demo-${String(index + 1).padStart(5, '0')}`,
      url: `https://x.com/i/status/${snowflake}`,
      text: draft.text,
      lang: draft.lang,
      createdAt: isoSeconds(draft.at),
      collectedAt: isoSeconds(draft.at + dice.int(20, 900) * 1000),
      author: { ...draft.author },
      metrics: metrics(dice, draft),
      ...(links ? { links } : {}),
    };
    checkContract(post, `demo post ${post.id}`, true);
    return post;
  });
}
