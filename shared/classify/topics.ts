/**
 * Watch-topic matching. Keywords go through the same normalisation as posts (so `lalin` in the
 * config and `lalin` in a post meet as the same words), then match as whole words.
 */
import type { WatchTopic } from '../config';
import { normalise } from './normalise';
import type { NormalisedText } from './types';

export type TopicMatcher = (norm: NormalisedText) => string[];

const phrase = (keyword: string): string => ` ${normalise(keyword).tokens.join(' ')} `;

export function makeTopicMatcher(topics: readonly WatchTopic[]): TopicMatcher {
  const compiled = topics.map((topic) => ({
    name: topic.name,
    keywords: [...new Set(topic.keywords.map(phrase))].filter((k) => k.trim() !== ''),
    exclude: [...new Set(topic.exclude.map(phrase))].filter((k) => k.trim() !== ''),
  }));
  return (norm) => {
    const text = ` ${norm.tokens.join(' ')} `;
    return compiled.filter((t) => t.keywords.some((k) => text.includes(k)) && !t.exclude.some((k) => text.includes(k))).map((t) => t.name);
  };
}
