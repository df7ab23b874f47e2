// Cloze text: "{{c1::answer}}" or "{{c1::answer::hint}}". All deletions of a card are hidden together.

export type ClozeSegment = { kind: 'text'; text: string } | { kind: 'deletion'; index: number; answer: string; hint?: string };

const DELETION = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export function parseCloze(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(DELETION)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    const hint = match[3]?.trim();
    segments.push({ kind: 'deletion', index: Number(match[1]), answer: match[2], ...(hint ? { hint } : {}) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
