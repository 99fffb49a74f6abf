/** Reading every page of a DynamoDB Query or Scan: DynamoDB answers at most 1 MB a page. */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** One page: its items, and the key to go on from when there is more. */
export interface Page<T, K> {
  readonly Items?: T[];
  readonly LastEvaluatedKey?: K;
}

/** Every item of the pages `read` answers, each page asked for from where the last one ended. */
export async function* allItems<T, K>(read: (exclusiveStartKey: K | undefined) => Promise<Page<T, K>>): AsyncGenerator<T> {
  let start: K | undefined;
  do {
    const page = await read(start);
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
}

/** Every item a Query answers, page after page. */
export function queryItems(doc: DynamoDBDocumentClient, input: QueryCommandInput): AsyncGenerator<Record<string, unknown>> {
  return allItems((start: QueryCommandInput['ExclusiveStartKey']) => doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start })));
}
