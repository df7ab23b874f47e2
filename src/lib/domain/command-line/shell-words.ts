// Splits a typed command into words the way a POSIX shell would (quotes, backslashes, `\` line continuations), after
// undoing what phone keyboards do to commands: curly quotes, and "--" turned into an em dash.

export interface ShellWord {
  /** The word after quote removal: what the program receives. */
  value: string;
  /** The word as typed, for showing back to the learner. */
  raw: string;
}

/** Characters a phone keyboard or a pasted note substitutes for plain ASCII. */
export function unsmart(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/(^|\s)[\u2013\u2014](?=[a-z]{2})/gi, '$1--') // iOS turns "--" into "—"
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u00a0/g, ' ');
}

export function shellWords(text: string): ShellWord[] {
  const input = unsmart(text)
    .trim()
    .replace(/^`+([^`]*)`+$/, '$1') // the whole answer in backticks, as notes write commands
    .replace(/^\s*[$#>]\s+/, '') // a pasted shell prompt
    .replace(/\\\r?\n/g, ' ')
    .replace(/(\w)\s*=\s+(?=\S)|(\w)\s+=\s*(?=\S)/g, '$1$2=') // "source = v": a phone keyboard's spacing
    .replace(/,\s+(?=[\w-]+=)/g, ',');
  const words: ShellWord[] = [];
  let value = '';
  let raw = '';
  let inWord = false;
  const end = () => {
    if (inWord) words.push({ value, raw });
    value = '';
    raw = '';
    inWord = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (/\s/.test(c)) {
      end();
      continue;
    }
    inWord = true;
    if (c === "'" && input.indexOf("'", i + 1) > i) {
      const close = input.indexOf("'", i + 1);
      value += input.slice(i + 1, close);
      raw += input.slice(i, close + 1);
      i = close;
    } else if (c === '"' && input.indexOf('"', i + 1) > i) {
      raw += c;
      for (i++; i < input.length && input[i] !== '"'; i++) {
        if (input[i] === '\\' && /["\\$`]/.test(input[i + 1] ?? '')) raw += input[i++];
        value += input[i];
        raw += input[i];
      }
      raw += '"';
    } else if (c === '\\' && i + 1 < input.length) {
      value += input[i + 1];
      raw += c + input[++i];
    } else {
      value += c;
      raw += c;
    }
  }
  end();
  // A trailing semicolon, or a full stop ending a sentence ("docker ps."), is not part of the last word; a "." or
  // ".." on its own is a path.
  const last = words[words.length - 1];
  if (last && (/;$/.test(last.raw) || /[^./]\.$/.test(last.raw))) {
    last.raw = last.raw.replace(/[;.]+$/, '');
    last.value = last.value.replace(/[;.]+$/, '');
    if (last.raw === '') words.pop();
  }
  return words;
}
