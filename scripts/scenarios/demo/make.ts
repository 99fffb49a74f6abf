/** The whole demo day, storyline after storyline, as drafts and as the posts make-demo writes. */
import { type Post } from '../../../shared/post';
import { banjirBackground, newRoute, ordinaryChatter, rain } from './chatter';
import { DemoDay, type Draft } from './day';
import { aftermath, flood } from './flood';
import { debunks, hoax, worried } from './hoax';
import { toPosts } from './posts';

export function makeDemoDay(): { readonly drafts: readonly Draft[]; readonly posts: readonly Post[] } {
  // The storylines draw from one seeded sequence: their order is part of the scenario.
  const day = new DemoDay();
  for (const storyline of [ordinaryChatter, banjirBackground, rain, newRoute, flood, aftermath, hoax, worried, debunks]) storyline(day);
  const drafts = day.drafts.sort((a, b) => a.at - b.at);
  return { drafts, posts: toPosts(day.dice, drafts) };
}
