/** DynamoDB conditional writes: a condition that does not hold is an answer, not an error. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** Runs a conditional write; `undefined` when its condition did not hold, other errors thrown. */
export async function whenCondition<T>(write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}

/** Runs a conditional write; true when it was written, false when its condition did not hold. */
export async function conditionHeld(write: () => Promise<unknown>): Promise<boolean> {
  return (await whenCondition(async () => (await write(), true))) === true;
}
