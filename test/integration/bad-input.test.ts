/**
 * Bad input on the embedded stack (fauxqs, DynamoDB Local): a 1 MB line and a line of bytes that
 * are not UTF-8 in a posts file go to the real DLQ with their reasons while their neighbours go to
 * the posts queue; a dead letter too big for SQS is cut to fit, never refused and lost.
 */
import { writeFileSync } from 'node:fs';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { DynamoCheckpoints } from '../../shared/adapters/dynamodb';
import { SQS_MAX_MESSAGE_BYTES, SqsDeadLetters, SqsPostQueue } from '../../shared/adapters/sqs';
import { collectFile } from '../../shared/pipeline/collect-file';
import { parsePostOrThrow } from '../../shared/post';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost } from '../helpers/posts';
import { tempDir } from '../infra/fixtures';

let stack: TestStack;

beforeAll(async () => {
  stack = await testStack('bad-input');
});

afterAll(async () => {
  await stack?.stop();
});

/** Every message on a queue now, with its attributes (received, left to expire). */
async function drain(queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (let empty = 0; empty < 2;) {
    const out = await stack.clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
        VisibilityTimeout: 300,
      }),
    );
    if ((out.Messages ?? []).length === 0) empty += 1;
    messages.push(...(out.Messages ?? []));
  }
  return messages;
}

const huge = (id: string): string => JSON.stringify(makePost({ id, text: `Banjir di Kemang 🌧 ${'air naik terus '.repeat(75_000)}` }));

test('fauxqs enforces the queue size limit: a message over it is refused', async () => {
  const small = await stack.clients.sqs.send(
    new CreateQueueCommand({ QueueName: `${stack.prefix}-small`, Attributes: { MaximumMessageSize: String(SQS_MAX_MESSAGE_BYTES) } }),
  );
  await expect(
    stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: small.QueueUrl, MessageBody: 'x'.repeat(SQS_MAX_MESSAGE_BYTES + 1) })),
  ).rejects.toThrow(/Message must be shorter than 262144 bytes/);
  // Nor does the default (1 MiB) queue take a 1.1 MB body.
  await expect(
    stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.resources.dlqUrl, MessageBody: 'x'.repeat(1_100_000) })),
  ).rejects.toThrow(/Message must be shorter than/);
});

test('a 1 MB dead letter reaches a 256 KiB queue cut to fit, with its whole size in an attribute', async () => {
  const small = await stack.clients.sqs.send(
    new CreateQueueCommand({ QueueName: `${stack.prefix}-small-dlq`, Attributes: { MaximumMessageSize: String(SQS_MAX_MESSAGE_BYTES) } }),
  );
  const body = huge('big');
  await new SqsDeadLetters(stack.clients.sqs, small.QueueUrl as string).send({
    body,
    reason: 'line 2: invalid post: text: Too big: expected string to have <=40000 characters',
    stage: 'collector',
    source: 'file',
    postId: 'big',
    line: 2,
  });

  const [letter, ...more] = await drain(small.QueueUrl as string);
  expect(more).toEqual([]);
  expect(letter?.Body?.startsWith('{"v":1,"source":"file","id":"big","text":"Banjir di Kemang \\ud83c\\udf27 air naik terus')).toBe(true);
  expect(letter?.Body).toMatch(/\[cut by Pantau: the first \d+ characters of \d+ \(\d+ bytes\) kept\]$/);
  expect(letter?.MessageAttributes).toMatchObject({
    bodyBytes: { StringValue: String(Buffer.byteLength(body)) },
    truncated: { StringValue: 'true' },
    error: { StringValue: expect.stringContaining('text: Too big') },
    line: { StringValue: '2' },
  });
});

test('a posts file with a 1 MB line and a line that is not UTF-8: both dead-lettered with reasons, the neighbours queued, unknown fields kept', async () => {
  const path = `${tempDir()}/posts.jsonl`;
  const notUtf8 = Buffer.concat([
    Buffer.from('{"v":1,"source":"file","id":"latin1","text":"Banjir di Kemayoran caf'),
    Buffer.from([0xe9]),
    Buffer.from('"}'),
  ]);
  const line = (text: string): Buffer => Buffer.from(`${text}\n`);
  writeFileSync(
    path,
    Buffer.concat([
      line(JSON.stringify({ ...makePost({ id: 'before' }), campaign: { id: 'c-7' } })),
      line(huge('huge')),
      Buffer.concat([notUtf8, Buffer.from('\n')]),
      line(JSON.stringify(makePost({ id: 'after' }))),
    ]),
  );

  const result = await collectFile(
    { path, checkpointKey: path, pageSize: 10 },
    {
      queue: new SqsPostQueue(stack.clients.sqs, stack.resources.postsQueueUrl),
      deadLetters: new SqsDeadLetters(stack.clients.sqs, stack.resources.dlqUrl),
      checkpoints: new DynamoCheckpoints(stack.clients.doc, stack.resources.tables.state),
      now: () => Date.parse('2026-11-27T00:00:00Z'),
    },
  );

  expect(result).toMatchObject({ read: 4, sent: 2, done: true, lastLine: 4 });
  const queued = (await drain(stack.resources.postsQueueUrl)).map((m) => parsePostOrThrow(m.Body ?? ''));
  expect(queued.map((p) => p.id)).toEqual(['before', 'after']);
  expect(queued[0]).toMatchObject({ campaign: { id: 'c-7' } });

  const letters = await drain(stack.resources.dlqUrl);
  const byLine = new Map(letters.map((m) => [m.MessageAttributes?.line?.StringValue, m]));
  expect([...byLine.keys()].sort()).toEqual(['2', '3']);
  expect(byLine.get('2')?.MessageAttributes?.error?.StringValue).toMatch(/^line 2: invalid post: text: .*40000/);
  expect(byLine.get('2')?.MessageAttributes?.truncated?.StringValue).toBe('true');
  expect(byLine.get('3')?.MessageAttributes?.error?.StringValue).toBe('line 3: not valid UTF-8 (byte 0xE9 at column 69)');
  expect(byLine.get('3')?.Body).toBe('{"v":1,"source":"file","id":"latin1","text":"Banjir di Kemayoran caf\ufffd"}');
});
