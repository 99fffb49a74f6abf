/** One post's classification: language, sentiment, hoax indicators, watch topics, places. */
import { scoreHoax } from './hoax';
import { detectLanguage } from './language';
import { normalise } from './normalise';
import { findPlaces } from './places';
import { analyseSentiment } from './sentiment';
import { makeTopicMatcher, type TopicRule } from './topics';
import type { Classification } from './types';

export type Classify = (text: string) => Classification;

/** Builds the classifier for a set of watch topics (compiled once, then pure per call). */
export function makeClassifier(topics: readonly TopicRule[]): Classify {
  const matchTopics = makeTopicMatcher(topics);
  return (text) => {
    const norm = normalise(text);
    const lang = detectLanguage(norm);
    const places = findPlaces(norm, text);
    return {
      lang,
      sentiment: analyseSentiment(norm, lang, { text, places }),
      hoax: scoreHoax({ text, norm }),
      topics: matchTopics(norm),
      places,
    };
  };
}
