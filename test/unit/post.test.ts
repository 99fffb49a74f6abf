import { parsePost, postKey, validatePost } from '../../shared/post';

const valid = { v: 1, source: 'x', id: '1861234567890', text: 'Banjir lagi di Kemang', createdAt: '2026-11-27T08:15:00Z' };

describe('post contract v1', () => {
  test('accepts the minimal post and keeps unknown fields', () => {
    const result = validatePost({ ...valid, extra: { kept: true } });
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.post as Record<string, unknown>).extra).toEqual({ kept: true });
  });

  test.each([
    ['text', { ...valid, text: undefined }, /text: required/],
    ['text of the wrong type', { ...valid, text: 5 }, /text: .*expected string, received number/],
    ['a nested field of the wrong type', { ...valid, author: { id: 7 } }, /author\.id: .*expected string/],
    ['createdAt', { ...valid, createdAt: 'kemarin sore' }, /createdAt:/],
    ['v', { ...valid, v: 2 }, /v:/],
    ['author.followers', { ...valid, author: { followers: -3 } }, /author\.followers:/],
  ])('names the bad field: %s', (_field, value, pattern) => {
    const result = validatePost(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(pattern);
  });

  test('reports a line that is not JSON', () => {
    const result = parsePost('{"v":1,"source":');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^not JSON/);
  });

  test('keeps the id of an invalid post for the DLQ', () => {
    const result = parsePost(JSON.stringify({ ...valid, id: 'abc', text: '' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.postId).toBe('abc');
  });

  test('identity is source + id', () => {
    expect(postKey({ source: 'news', id: '7' })).toBe('news#7');
  });
});
