import { bodyStart, withoutMarkup } from '../../shared/pipeline/http-port';

const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html><head><title>404 Not Found</title><style>body { color: red }</style>
<script>window.track && track('404');</script></head>
<body><!-- served by the edge -->
<h1>Not Found</h1>
<p>The requested URL /rss/banjir was not found on this server.</p>
</body></html>`;

describe('the text of an error answer', () => {
  it('keeps what a person reads of an HTML error page and drops its markup, styles and scripts', () => {
    const text = withoutMarkup(NOT_FOUND_PAGE);
    expect(text).toBe('404 Not Found Not Found The requested URL /rss/banjir was not found on this server.');
    expect(text).not.toMatch(/[<>]|color: red|track\(/);
  });

  it('cuts a long body to its start, without markup', () => {
    const start = bodyStart(`<p>${'banjir '.repeat(100)}</p>`);
    expect(start).toHaveLength(200);
    expect(start.startsWith('banjir banjir')).toBe(true);
  });

  it('leaves a plain JSON answer as it is, white space collapsed', () => {
    expect(bodyStart('{"error":\n  "rate limited"}')).toBe('{"error": "rate limited"}');
  });
});
