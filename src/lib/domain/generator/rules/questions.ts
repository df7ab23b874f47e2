// ❓ questions and Q:/A: pairs → basic cards. The answer is the ✅/❌/A: lines under the question;
// when there are none, the conclusion (➡ / 👉 / "so …") of what follows it.

import { basicCard, lowerFirst, mentionsSubject, topicOf } from '../cards.ts';
import type { NoteNode } from '../parse.ts';
import { chunkSentences, cleanInline } from '../text.ts';
import { origin, type Rule } from '../visit.ts';
import { commandOf } from './commands.ts';

const CONCLUSION = /^(➡|👉|⇒|→)/u;

function answerLines(nodes: NoteNode[]): string[] {
  return nodes
    .filter((n) => n.type === 'answer' || n.type === 'bullet' || n.type === 'text')
    .map((n) => {
      const own = cleanInline(n.text);
      const sub = n.children.map((c) => cleanInline(c.text)).filter(Boolean);
      return sub.length ? `${own.replace(/:$/, '')}: ${sub.join(', ')}` : own;
    })
    .filter(Boolean);
}

function findConclusion(nodes: NoteNode[]): string | null {
  for (const n of nodes) {
    if (CONCLUSION.test(n.marker) || /^(so|therefore|hence)\b/i.test(n.text.trim())) return cleanInline(n.text);
    const inner = findConclusion(n.children);
    if (inner) return inner;
  }
  return null;
}

export const questionRule: Rule = (visit, env) => {
  const { node, siblings, index } = visit;
  if (node.type !== 'question') return [];
  const question = cleanInline(node.text);
  if (question.length < 4) return [];
  let lines = answerLines(node.children);
  if (lines.length === 0) {
    const following: NoteNode[] = [];
    for (let k = index + 1; k < siblings.length; k++) {
      const s = siblings[k];
      if (s.type === 'question') break;
      following.push(s);
    }
    const answerNode = following.find((s) => s.type === 'answer');
    if (answerNode) {
      lines = [cleanInline(answerNode.text)];
      env.consumed.add(answerNode);
    } else {
      const conclusion = findConclusion(following);
      if (conclusion) lines = [conclusion];
      else if (node.marker === 'Q:') {
        // "## Merge or rebase?" or "Q: …" over a plain paragraph: the paragraph (up to a command, table or code) answers it.
        const paragraph: NoteNode[] = [];
        for (const s of following) {
          if (!(s.type === 'text' || s.type === 'bullet') || commandOf(s)) break;
          paragraph.push(s);
        }
        for (const p of paragraph) env.consumed.add(p);
        lines = answerLines(paragraph);
      }
    }
  }
  if (lines.length === 0) {
    env.warnings.push(`Line ${node.line}: the question "${question}" has no answer in the notes.`);
    return [];
  }
  const answer = lines.map((l) => l.replace(/[.;]+$/, '')).join('. ') + '.';
  const asked = /\?$/.test(question) ? question : `${question}?`;
  const topic = topicOf(visit.ctx);
  const prompt = mentionsSubject(asked, visit.ctx) || !topic ? asked : `${topic}: ${lowerFirst(asked)}`;
  const chunks = chunkSentences(answer, 300);
  return chunks.map((chunk, i) =>
    basicCard(origin(visit, 'question', node.text, String(i)), chunks.length > 1 ? `${prompt} (part ${i + 1} of ${chunks.length})` : prompt, chunk),
  );
};
