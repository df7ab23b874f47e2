// Commands → a typed card (task → command), a basic card (command → what it does) and, when the
// section lists several commands, a choice card whose distractors are those sibling commands.

import type { Card } from '../../model.ts';
import { basicCard, choiceCard, inNote, lowerFirst, subjectOf, typedCard, type FactOrigin } from '../cards.ts';
import { describeCommand, equivalentCommands, parseCommand, programOf, type ParsedCommand } from '../command.ts';
import type { NoteNode } from '../parse.ts';
import { chunkText, cleanInline, codeSpan, contentWords, joinItems, sentenceCase, splitSentences, wordCount } from '../text.ts';
import { origin, type Rule, type Visit } from '../visit.ts';

export interface FoundCommand extends ParsedCommand {
  node: NoteNode;
}

/** The command a node states, if any: 🔗 lines, "1️⃣ docker build -> …" items, "- `docker ps` — …" bullets. */
const commands = new WeakMap<NoteNode, ParsedCommand | null>();

export function commandOf(node: NoteNode): ParsedCommand | null {
  let found = commands.get(node);
  if (found === undefined) commands.set(node, (found = findCommand(node)));
  return found;
}

function findCommand(node: NoteNode): ParsedCommand | null {
  if (node.type === 'link') return parseCommand(node.text, { single: node.marker === '|' });
  if (node.type === 'item' || node.type === 'bullet' || node.type === 'text') {
    // "Usage: `docker build -t app .` builds…", "Example: `kubectl get pods` lists…": the label is not the subject.
    const text = node.text.trim().replace(/^(?:usage|example|syntax|e\.g\.)\s*:\s*(?=`)/i, '');
    // "`git add -p` lets you stage a file hunk by hunk": the code span is the command, the prose says what it does.
    const spoken = /^`([^`]+)`\s*(?:[—–:-]\s*)?([a-z][a-z-]*\b.{6,})$/.exec(text);
    if (spoken && !/^(is|are|was|and|or|to|of|in|on|for|with|vs|command)\b/.test(spoken[2])) {
      const parsed = parseCommand(spoken[1]);
      if (parsed && !parsed.note) return { command: parsed.command, note: cleanInline(spoken[2]) };
    }
    const parsed = parseCommand(text.replace(/^`([^`]+)`/, '$1'));
    // Bare bullets count only with a description ("- docker ps — lists containers"), so prose is never a command.
    if (node.type !== 'item' && !text.startsWith('`')) return parsed?.note ? parsed : null;
    return parsed && (parsed.note || text.startsWith('`')) ? parsed : null;
  }
  if (node.type === 'code' && node.code && !node.code.includes('\n') && node.lang !== 'dockerfile') {
    return parseCommand(node.code.replace(/^\$\s+/, ''));
  }
  return null;
}

const BELOW = /[,\s]*\b(?:you\s+)?(?:can\s+)?(?:(?:by\s+)?(?:using|running|run|with|use)\s+)?(?:the\s+)?(?:below|following|above)\s+commands?\b[,:]?/gi;

/** "You can create an instance and run the below commands to install docker." → "You can create an instance and install docker". */
function tidyTask(text: string): string {
  const first = splitSentences(cleanInline(text))[0] ?? '';
  return first
    .replace(/^(?:an?|the)\s+(?:easy|simple|quick|common|good)\s+way\s+to\s+/i, '')
    .replace(/^you\s+(?:can|should|need to|must|may)\s+/i, '')
    .replace(BELOW, ' ')
    .replace(/\b(and|then)\s+to\s+/gi, '$1 ')
    .replace(/\s+(is by|by|is|with|using)\s*[.:]?$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/[.:,]+$/, '')
    .trim();
}

/** What the notes say a command is for: its own note, its item, or the label it sits under. */
export function describe(visit: Visit, found: ParsedCommand): { task: string; strong: boolean; fromNote?: boolean; title?: string; details?: string } {
  if (found.note) return { task: found.note, strong: true, fromNote: true };
  const parent = visit.parent;
  if (parent && (parent.type === 'item' || parent.type === 'text' || parent.type === 'bullet')) {
    const title = tidyTask(parent.text);
    const details = parent.children
      .filter((c) => c !== visit.node && (c.type === 'bullet' || c.type === 'text') && !commandOf(c) && c.line < visit.node.line)
      .map((c) => cleanInline(c.text));
    const weak = /^(example|e\.g|for demo|demo)\b/i.test(title) || title === '';
    if (!weak) {
      const task = details.length ? `${sentenceCase(title)} — ${lowerFirst(joinItems(details))}` : sentenceCase(title);
      const steps = parent.children.filter((c) => commandOf(c));
      if (steps.length <= 1) return { task, strong: true, title: sentenceCase(title), details: details.length ? lowerFirst(joinItems(details)) : undefined };
      const anatomy = describeCommand(found.command);
      return { task: anatomy ? `${task}: ${anatomy}` : `${task}, step ${steps.indexOf(visit.node) + 1} of ${steps.length}`, strong: true };
    }
  }
  const anatomy = describeCommand(found.command);
  return { task: anatomy ?? '', strong: false };
}

/** Verbs a cheat sheet starts a description with ("List all files", "Force-kill a process"). */
const IMPERATIVE = /^(add|apply|build|change|check|clean|clear|clone|compare|connect|copy|count|create|delete|describe|display|download|drop|edit|enter|exec|export|extract|fetch|find|follow|force-kill|format|get|give|import|inspect|install|kill|list|load|log|make|merge|monitor|mount|move|open|print|prune|pull|push|query|read|rebase|reload|remove|rename|restart|restore|revert|roll|run|save|scale|search|set|show|sort|start|stop|stream|switch|tag|test|trace|undo|unmount|update|upload|view|watch|write)$/;

function taskQuestion(task: string, program: string): string {
  // "replaces the last commit…; never amend a pushed commit": the advice after ';' is not the task.
  const t = task.replace(/;\s.*$/, '').replace(/\.$/, '').replace(/^([A-Z][a-z]+(?:-[a-z]+)?)\b/, (w) => (IMPERATIVE.test(w.toLowerCase()) ? w.toLowerCase() : w));
  const first = t.split(' ')[0] ?? '';
  const which = program ? `Which \`${program}\` command` : 'Which command';
  if (/^to$/i.test(first)) return `${which} do you use ${lowerFirst(t)}?`;
  if (/^[a-z]+s$/.test(first) && !/ss$/.test(first)) return `${which} ${t}?`;
  if (/^[a-z]+(-[a-z]+)?$/.test(first) && (IMPERATIVE.test(first) || program)) return `${which} do you use to ${t}?`;
  if (!program) return `Which command gives: ${lowerFirst(t)}?`;
  return '';
}

export const commandRule: Rule = (visit, env) => {
  const found = commandOf(visit.node);
  if (!found) return [];
  env.consumed.add(visit.node);
  const { command } = found;
  // A one-word command ("top") is its own program: naming the program would give it away.
  const program = command.includes(' ') ? programOf(command) : '';
  const { task, strong, fromNote, title, details } = describe(visit, found);
  const subject = subjectOf(visit.ctx);
  const cards: Card[] = [];
  const direct = fromNote || !strong ? taskQuestion(task, program) : '';
  // With a description, ask by the description alone: "Kill" would give `docker kill` away, "force stop (SIGKILL)" does not.
  const named = title && wordCount(title) <= 5 ? (details ? `${subject}: which \`${program}\` command does “${details}”?` : `${subject}: which \`${program}\` command is “${title}”?`) : '';
  const prompt = direct || named || (task ? `${subject} — ${lowerFirst(task)}: which \`${program}\` command?` : '');
  // The same command shown twice in a section ("run hello-world" to test, then again to re-test) is two facts.
  const repeated = siblingCommands(visit).filter((c) => c.command === command).length > 1;
  const key = repeated ? [command, visit.parent?.text ?? '', task] : [command];
  // "🔗 docker stop id" as the only command under "4️⃣ Stop": one fact with the item that names the step.
  const parent = visit.parent;
  const underItem = parent?.type === 'item' && parent.children.filter((c) => commandOf(c)).length === 1;
  const fact = (rule: string): FactOrigin => (underItem ? inNote(origin(visit, rule, ...key), parent.text) : origin(visit, rule, ...key));
  const explanationParts = visit.node.children.filter((c) => c.type === 'bullet' || c.type === 'text').map((c) => cleanInline(c.text));
  // What the notes say right after the command, under the same item ("➤ Container uses host's network stack").
  if (visit.parent?.type === 'item' && explanationParts.length === 0) {
    explanationParts.push(...visit.parent.children.filter((c) => c.line > visit.node.line && c.type === 'bullet' && c.children.length === 0 && !commandOf(c)).map((c) => cleanInline(c.text)));
  }
  if (prompt) {
    cards.push(typedCard(fact('command-typed'), prompt, [command, ...equivalentCommands(command)], strong && explanationParts.length ? joinItems(explanationParts) : undefined));
  } else {
    env.warnings.push(`Line ${visit.node.line}: the command \`${command}\` has no description, so no card asks for it.`);
  }
  const firstShowing = !repeated || siblingCommands(visit).find((c) => c.command === command)?.line === visit.node.line;
  // "Step 1 of 2" says where a command sits, not what it does: no "what does it do" card from it.
  if (strong && firstShowing && !/, step \d+ of \d+$/.test(task)) {
    const answer = chunkText(explanationParts.length ? `${task}. ${joinItems(explanationParts)}` : task, 300)[0];
    cards.push(basicCard(fact('command-effect'), `${subject}: what does ${codeSpan(command)} do?`, answer));
    const all = siblingCommands(visit);
    const siblings = confusable(uniqueCommands(all).filter((c) => c.command !== command && c.program === program), all.find((c) => c.line === visit.node.line));
    if (siblings.length >= 2) {
      const card = choiceCard(
        fact('command-choice'),
        `${subject}: which command matches “${(details ?? task).replace(/\.$/, '')}”?`,
        codeSpan(command),
        siblings.map((s) => codeSpan(s.command)),
        `${codeSpan(command)}: ${task}`,
      );
      if (card) cards.push(card);
    }
  } else if (explanationParts.length && firstShowing) {
    cards.push(basicCard(fact('command-effect'), `${subject}: what does ${codeSpan(command)} do?`, joinItems(explanationParts)));
  }
  return cards;
};

function uniqueCommands(list: SiblingCommand[]): SiblingCommand[] {
  return list.filter((c, i) => list.findIndex((o) => o.command === c.command) === i);
}

/** Every command in the same section (the "other lifecycle commands" a distractor should come from). */
const sectionCommands = new WeakMap<object, SiblingCommand[]>();

function siblingCommands(visit: Visit): SiblingCommand[] {
  let cached = sectionCommands.get(visit.section);
  if (!cached) sectionCommands.set(visit.section, (cached = findSectionCommands(visit)));
  return cached;
}

interface SiblingCommand {
  command: string;
  program: string;
  line: number;
  /** Words of what the notes say around the command, to find the most confusable neighbours. */
  words: string[];
}

function findSectionCommands(visit: Visit): SiblingCommand[] {
  const out: SiblingCommand[] = [];
  const walk = (nodes: NoteNode[], parent: NoteNode | null) => {
    for (const n of nodes) {
      const c = commandOf(n);
      if (c) {
        const around = parent && parent.type === 'item' ? [parent.text, ...parent.children.filter((s) => s.type === 'bullet' && !commandOf(s)).map((s) => s.text)] : [];
        out.push({ command: c.command, program: programOf(c.command), line: n.line, words: contentWords([c.note ?? '', ...around].join(' ')) });
      }
      walk(n.children, n);
    }
  };
  walk(visit.section.nodes, null);
  return out;
}

/** Siblings ordered by how easily they are confused with `mine` (shared words), then by position. */
function confusable(siblings: SiblingCommand[], mine: SiblingCommand | undefined): SiblingCommand[] {
  if (!mine) return siblings;
  const own = new Set(mine.words);
  const score = (s: SiblingCommand) => s.words.filter((w) => own.has(w)).length;
  return siblings.map((s, i) => ({ s, i, k: score(s) })).sort((a, b) => b.k - a.k || a.i - b.i).map((x) => x.s);
}
