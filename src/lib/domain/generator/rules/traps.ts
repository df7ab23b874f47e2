// ❌ lines → true/false cards. Under a "traps"/"mistakes" heading a ❌ line is a wrong claim or a bad
// habit: state it and say why it is wrong, with the notes' own evidence. In best-practice lists a ❌
// "Don't X" / "Avoid X" becomes "X is recommended" (false).

import { lowerFirst, subjectOf, topicOf, trueFalseCard } from '../cards.ts';
import { TRAP_HEADING } from '../outline.ts';
import { capitalize, cleanInline, sentenceCase } from '../text.ts';
import { origin, type Rule, type Visit } from '../visit.ts';

const CLAIM_VERB = /^(saying|assuming|thinking|believing|claiming|stating|answering)\s+(that\s+)?/i;
const NEGATED = /\b(cannot|can't|can not|not|no|never|don't|doesn't|isn't|aren't|won't)\b/i;
const DONT = /^(don'?t|do not|never)\s+/i;
const AVOID = /^avoid\s+/i;

function isTrapContext(visit: Visit): boolean {
  const labels = [...visit.ctx.headingPath, visit.parent ? cleanInline(visit.parent.text) : ''];
  return labels.some((l) => TRAP_HEADING.test(l));
}

function isBestPracticeContext(visit: Visit): boolean {
  const labels = [...visit.ctx.headingPath, visit.parent ? cleanInline(visit.parent.text) : ''];
  return labels.some((l) => /\b(best practices?|do'?s and don'?ts|guidelines?|rules?)\b/i.test(l));
}

/** "-ing" forms to a base verb for "Using X" → "use X" (enough for the common regular verbs). */
function gerundToVerb(word: string): string {
  const stem = word.toLowerCase().replace(/ing$/, '');
  if (/(.)\1$/.test(stem) && !/(ll|ss)$/.test(stem)) return stem.slice(0, -1);
  if (/(at|iz|us|ag|ov|rc|it|ar|ak)$/.test(stem) && !/^(forget|edit|visit|limit)$/.test(stem)) return `${stem}e`;
  return stem;
}

function evidenceFor(visit: Visit, env: Parameters<Rule>[1], claim: string): string | null {
  const top = visit.section.title ? visit.ctx.headingPath[0] ?? '' : '';
  return env.evidence.best(claim, top, (line) => line === visit.node.line || line === visit.parent?.line || (visit.parent?.children.some((c) => c.line === line) ?? false));
}

export const trapRule: Rule = (visit, env) => {
  const { node } = visit;
  if (node.type !== 'bullet' || !(node.marker.startsWith('❌') || node.marker.startsWith('✖') || (isTrapContext(visit) && /^[-*+]$/.test(node.marker)))) return [];
  const text = cleanInline(node.text).replace(/[.!]$/, '');
  if (text.split(' ').length < 2) return [];
  const subject = topicOf(visit.ctx) || subjectOf(visit.ctx);
  const trap = isTrapContext(visit);
  const evidence = evidenceFor(visit, env, text.replace(CLAIM_VERB, ''));
  const because = evidence ? ` From the notes: ${evidence}` : '';
  if (trap) {
    if (CLAIM_VERB.test(text)) {
      const claim = capitalize(text.replace(CLAIM_VERB, ''));
      return [trueFalseCard(origin(visit, 'trap-claim', node.text), claim, false, `A common interview trap: it is wrong to say that ${lowerFirst(claim)}.${because}`)];
    }
    const gerund = /^([A-Za-z]+ing)\s+(.+)$/.exec(text);
    if (gerund) {
      const statement = `${subject}: it is good practice to ${gerundToVerb(gerund[1])} ${gerund[2]}`;
      return [trueFalseCard(origin(visit, 'trap-habit', node.text), statement, false, `A common interview trap: avoid ${lowerFirst(text)}.${because}`)];
    }
    if (NEGATED.test(text)) {
      const resolved = text.replace(/\b(into|from|in|on|to|use) (them|it)\b/i, `$1 ${lowerFirst(subject)}`);
      const statement = resolved !== text ? resolved : `${subject}: ${lowerFirst(text)}`;
      return [trueFalseCard(origin(visit, 'trap-fact', node.text), statement, true, `An interview trap the notes point out: ${lowerFirst(resolved)}.${because}`)];
    }
    return [trueFalseCard(origin(visit, 'trap-claim', node.text), `${subject}: ${lowerFirst(text)}`, false, `The notes list this as a common trap.${because}`)];
  }
  if (isBestPracticeContext(visit) && (DONT.test(text) || AVOID.test(text))) {
    const advice = text.replace(DONT, '').replace(AVOID, '');
    const verb = AVOID.test(text) ? /^[a-z]+ing\b/i.test(advice) ? `${gerundToVerb(advice.split(' ')[0])} ${advice.split(' ').slice(1).join(' ')}` : `use ${advice}` : advice;
    return [trueFalseCard(origin(visit, 'dont', node.text), `${subject} best practice: ${lowerFirst(verb)}`, false, `The notes' best practices say the opposite: ${lowerFirst(text)}.`)];
  }
  const parent = visit.parent ? cleanInline(visit.parent.text).replace(/:$/, '') : '';
  if (/^not\s+/i.test(text) && parent && parent.split(' ').length <= 6) {
    const statement = `${subjectOf(visit.ctx)} — ${lowerFirst(sentenceCase(parent))}: ${text.replace(/^not\s+/i, '')}`;
    return [trueFalseCard(origin(visit, 'not', node.text), statement, false, `${parent}: ${lowerFirst(text)}.`)];
  }
  return [];
};
