/** One post's classification: language, sentiment, hoax indicators, watch topics, places. */
import type { ClaimMatcher } from './types';
import { scoreHoax } from './hoax';
import { detectLanguage } from './language';
import { normalise } from './normalise';
import { findPlaces } from './places';
import { analyseSentiment } from './sentiment';
import { makeTopicMatcher, type TopicMatcher, type TopicRule } from './topics';
import type { Classification } from './types';

/** What the source tells about a post besides its text (the post contract's `author` and `createdAt`). */
export interface PostContext {
  readonly author?: {
    readonly handle?: string;
    readonly createdAt?: string;
    readonly followers?: number;
    readonly following?: number;
    readonly verified?: boolean;
  };
  /** When the post was made (ISO 8601): an account's age is measured at this time. */
  readonly postedAt?: string;
}

export type Classify = (text: string, context?: PostContext) => Classification;

export interface ClassifierOptions {
  /** Known debunked claims to match posts against (the `known_claim` indicator). */
  readonly claims?: ClaimMatcher;
}

/** Watch topics that change while the classifier runs (classify/live-topics.ts): their matcher at each call. */
export interface TopicSource {
  matcher(): TopicMatcher;
}

/**
 * Builds the classifier for a set of watch topics (compiled once, then pure per call), or for a
 * source of topics that change (each call matches the topics in effect then).
 */
/** The matcher to use at each call: compiled once for fixed topics, asked of a source of changing ones. */
function topicMatcherOf(topics: readonly TopicRule[] | TopicSource): () => TopicMatcher {
  if ('matcher' in topics) return () => topics.matcher();
  const fixed = makeTopicMatcher(topics);
  return () => fixed;
}

export function makeClassifier(topics: readonly TopicRule[] | TopicSource, options: ClassifierOptions = {}): Classify {
  const matcherNow = topicMatcherOf(topics);
  return (text, context = {}) => {
    const matchTopics = matcherNow();
    const norm = normalise(text);
    const lang = detectLanguage(norm);
    const places = findPlaces(norm, text);
    const claim = options.claims?.match(norm);
    const hoaxInput = { text, norm, author: context.author, postedAt: context.postedAt, claim };
    return {
      lang,
      sentiment: analyseSentiment(norm, lang, { text, places }),
      hoax: scoreHoax(hoaxInput),
      topics: matchTopics(norm),
      places,
      ...(claim ? { knownClaim: claim.claim } : {}),
    };
  };
}
