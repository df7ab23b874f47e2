import { describe, expect, it } from 'vitest';
import { renderCloze, renderMarkdown } from '../../../src/lib/ui/markdown';

describe('renderMarkdown', () => {
  it('renders code spans, code blocks and lists', () => {
    const html = renderMarkdown('Run `docker ps`:\n\n```sh\ndocker ps -a\n```\n\n- one\n- two');
    expect(html).toContain('<code>docker ps</code>');
    expect(html).toMatch(/<pre><code[^>]*>docker ps -a\n<\/code><\/pre>/);
    expect(html).toContain('<li>one</li>');
  });

  it('shows raw HTML as text instead of passing it through', () => {
    const html = renderMarkdown('docker stop <container-id> <script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;container-id&gt;');
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('drops dangerous links and marks safe ones noopener', () => {
    const html = renderMarkdown('[a](javascript:alert(1)) [b](https://docs.docker.com) [c](mailto:x@y.z) [d](data:text/html,hi)');
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).toContain('href="https://docs.docker.com"');
    expect(html).toContain('href="mailto:x@y.z"');
    expect(html).toMatch(/rel="noopener noreferrer"/);
  });

  it('renders inline text without a paragraph', () => {
    // (happy-dom's parser drops a leading text node, so only the tail is compared here; e2e covers the real browser.)
    expect(renderMarkdown('the `-d` flag', true)).toContain('<code>-d</code> flag');
    expect(renderMarkdown('the `-d` flag', true)).not.toContain('<p>');
  });
});

describe('renderCloze', () => {
  const text = 'Use {{c1::`docker logs`}} to read output and {{c2::-f::flag}} to follow it.';
  it('hides every deletion together, showing hints', () => {
    const html = renderCloze(text, false);
    expect(html).not.toContain('docker logs');
    expect(html).toContain('[…]');
    expect(html).toContain('[flag]');
  });
  it('reveals every deletion highlighted', () => {
    const html = renderCloze(text, true);
    expect(html).toContain('<mark class="cloze revealed"><code>docker logs</code></mark>');
    expect(html).toContain('-f</mark>');
  });
  it('keeps hostile deletions inert', () => {
    expect(renderCloze('{{c1::<img src=x onerror=alert(1)>}}', true)).not.toMatch(/<img/);
  });
});
