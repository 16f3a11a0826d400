import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn score 2: "somewhat guessable", beyond what an online guesser gets through our limits. */
const MIN_SCORE = 2;

// zxcvbn-ts ships English texts separately; these say the same in a line each.
const WHY: Record<string, string> = {
  topTen: 'it is one of the ten most common passwords',
  topHundred: 'it is one of the hundred most common passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a small change to a common password',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'a name by itself is easy to guess',
  commonNames: 'common names are easy to guess',
  userInputs: 'it contains your email or name',
  straightRow: 'a row of keys is easy to guess',
  keyPattern: 'a keyboard pattern is easy to guess',
  simpleRepeat: 'repeated characters like "aaa" are easy to guess',
  extendedRepeat: 'repeated patterns like "abcabc" are easy to guess',
  sequences: 'a sequence like "abc" or "123" is easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  pwned: 'it appeared in a data breach',
};

let checker: ZxcvbnFactory | undefined;

/**
 * Why a new password is too easy to guess (checked against zxcvbn's common-password and pattern lists,
 * and the account's own email and name), or null when it is fine. Only the first 64 characters are
 * matched: longer passphrases are strong anyway, and the cost of matching grows with the length.
 */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<string | null> {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: 64 });
  const inputs = userInputs
    .flatMap((input) => [input, ...input.split(/[@.\s_-]+/)])
    .filter((p) => p.length > 2);
  const result = await checker.check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && WHY[result.feedback.warning]) || 'it is too easy to guess';
  return `is too easy to guess: ${why}; use a few uncommon words or a longer phrase`;
}
