import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ankiFieldToText, decodeEntities, textToAnkiField } from '../../../src/lib/io/sanitize-html';
import { isUnsafeEntryName, unzipSafe } from '../../../src/lib/io/zip-safe';
import { zipSync, strToU8 } from 'fflate';
import { cardText } from './arbitraries';

describe('Anki field HTML to card text', () => {
  test('line breaks, blocks and lists become text; entities are decoded', () => {
    expect(ankiFieldToText('<div>docker run</div><div>-p 8080:80</div>')).toBe('docker run\n-p 8080:80');
    expect(ankiFieldToText('a<br>b<br/>c')).toBe('a\nb\nc');
    expect(ankiFieldToText('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
    expect(ankiFieldToText('&lt;image&gt; &amp; &quot;tag&quot; &#39;x&#39; &#x1F433;&nbsp;!')).toBe('<image> & "tag" \'x\' 🐳 !');
  });

  test.each([
    ['<script>alert(1)</script>ok', 'ok'],
    ['<SCRIPT src=//evil></SCRIPT>ok', 'ok'],
    ['<img src=x onerror=alert(1)>', '(image not imported: x)'],
    ['<img src="javascript:alert(1)">', '(image not imported)'],
    ['<a href="javascript:alert(1)" onclick="x()">link</a>', 'link'],
    ['<style>body{display:none}</style><b onmouseover=alert(1)>bold</b>', 'bold'],
    ['<iframe src="javascript:alert(1)"></iframe><svg><script>alert(1)</script></svg>x', 'x'],
    ['<!-- <script>alert(1)</script> -->x', 'x'],
    ['x<img src=y onerror=alert(1)', 'x'],
  ])('%s → %s', (html, text) => {
    expect(ankiFieldToText(html)).toBe(text);
  });

  test('text → field → text is the identity for card text (property)', () => {
    fc.assert(
      fc.property(cardText, (text) => {
        expect(ankiFieldToText(textToAnkiField(text))).toBe(text);
      }),
    );
  });

  test('unknown entities stay as written; invalid code points vanish', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800;')).toBe('&bogus;  ');
  });
});

describe('zip safety', () => {
  test('entry names that leave the archive are unsafe', () => {
    for (const name of ['../x', 'a/../../x', '/etc/passwd', 'C:\\x', '..\\x', 'a\0b']) expect(isUnsafeEntryName(name)).toBe(true);
    for (const name of ['collection.anki2', 'media', '0', 'dir/file..txt']) expect(isUnsafeEntryName(name)).toBe(false);
  });

  test('stored and deflated entries both unpack; only wanted entries are inflated', async () => {
    const bytes = zipSync({ a: [strToU8('stored'), { level: 0 }], b: strToU8('deflated'.repeat(100)) });
    const archive = await unzipSafe(bytes, 'x.zip', { want: (n) => n === 'b' });
    expect(archive.names).toEqual(['a', 'b']);
    expect([...archive.files.keys()]).toEqual(['b']);
  });

  test('too many entries are refused', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, strToU8('x')]));
    await expect(unzipSafe(zipSync(files), 'many.zip', { maxEntries: 10 })).rejects.toThrow(/more than 10 files/);
  });
});
