/**
 * AFINN's English word scores, as the `sentiment` package ships them, loaded once for the whole
 * classifier. A plain `require`: an ES default import of a JSON file makes the bundler copy each
 * of its ~3,400 keys onto a wrapper object at load, which a cold start pays for.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import afinnLabels = require('sentiment/languages/en/labels.json');

export const AFINN: Readonly<Record<string, number>> = afinnLabels as Record<string, number>;
