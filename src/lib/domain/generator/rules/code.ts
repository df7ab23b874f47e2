// Code blocks → cards. Dockerfiles are read for what interviews ask about them: the stages of a
// multi-stage build, the final base image and the COPY --from lines; a one-line snippet under a label
// becomes a typed card.

import type { Card } from '../../model.ts';
import { basicCard, lowerFirst, subjectOf, typedCard } from '../cards.ts';
import { isTitleLike } from '../outline.ts';
import { cleanInline, codeSpan, sentenceCase } from '../text.ts';
import { origin, type Rule, type Visit } from '../visit.ts';

interface Stage {
  from: string;
  image: string;
  name?: string;
  comment?: string;
}

function stagesOf(code: string): Stage[] {
  const stages: Stage[] = [];
  let comment: string | undefined;
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) {
      comment = line.replace(/^#\s*/, '').replace(/-{2,}/g, '').trim() || comment;
      continue;
    }
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      stages.push({ from: line, image: from[1], name: from[2], comment });
      comment = undefined;
    }
  }
  return stages;
}

function label(visit: Visit): string {
  const parent = visit.parent;
  const subject = subjectOf(visit.ctx);
  if (parent && isTitleLike(parent.text)) {
    const text = cleanInline(parent.text).replace(/:$/, '');
    if (text && !/\b(this|these|above|below)\b/i.test(text)) return `${subject} (${lowerFirst(sentenceCase(text))})`;
  }
  return subject;
}

export const codeRule: Rule = (visit) => {
  const { node } = visit;
  if (node.type !== 'code' || !node.code) return [];
  const code = node.code.trim();
  const lines = code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const where = label(visit);
  if (node.lang === 'dockerfile' || /^FROM\s/im.test(code)) {
    const stages = stagesOf(code);
    const cards: Card[] = [];
    if (stages.length >= 2) {
      const answer = stages.map((s, i) => `(${i + 1}) ${codeSpan(s.from)}${s.comment ? ` (${s.comment.replace(/^stage \d+:\s*/i, '')})` : ''}`).join('; ');
      cards.push(basicCard(origin(visit, 'dockerfile-stages', code), `${where}: what are the stages of the multi-stage Dockerfile?`, answer));
      const last = stages[stages.length - 1];
      cards.push(typedCard(origin(visit, 'dockerfile-final-image', code), `${where}: which base image does the final stage of the Dockerfile start from?`, [last.image, `FROM ${last.image}`]));
      for (const copy of lines.filter((l) => /^COPY\s+--from=/i.test(l.trim()))) {
        const m = /^COPY\s+--from=(\S+)\s+(\S+)\s+(\S+)/i.exec(copy.trim());
        if (!m) continue;
        cards.push(
          typedCard(
            origin(visit, 'dockerfile-copy-from', code, copy.trim()),
            `${where}: write the Dockerfile instruction that copies \`${m[2]}\` from the \`${m[1]}\` stage to \`${m[3]}\`.`,
            [copy.trim()],
          ),
        );
      }
      return cards;
    }
    if (lines.length === 1) {
      return [typedCard(origin(visit, 'snippet', code), `${where}: write the Dockerfile line.`, [lines[0].trim()])];
    }
    return [];
  }
  return [];
};
