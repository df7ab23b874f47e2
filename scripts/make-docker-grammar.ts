// Compacts the Docker CLI reference (commands, aliases, options) into the grammar the answer checker reads:
//   npx tsx scripts/make-docker-grammar.ts [path/to/docker-cli.json]
// The input is the shared reference table taken from the docker/cli docs; the output is committed so the app and the
// check-answer CLI work offline and from a fresh clone. Descriptions and summaries are dropped to keep it small.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DockerGrammarData, GrammarOption } from '../src/lib/domain/command-line/grammar.ts';

interface ReferenceOption {
  flags: string[];
  type: string;
  takesValue: boolean;
  default: string;
}
interface Reference {
  source: string;
  license: string;
  commands: Record<string, { aliases: string[]; options: ReferenceOption[] }>;
}

const input = process.argv[2] ?? fileURLToPath(new URL('../../shared/reference/docker-cli.json', import.meta.url));
const output = fileURLToPath(new URL('../src/lib/domain/command-line/docker-grammar.json', import.meta.url));
const reference = JSON.parse(readFileSync(input, 'utf8')) as Reference;

const strip = (path: string) => path.replace(/^docker /, '');
const grammar: DockerGrammarData = {
  source: `${reference.source} (docs/reference/commandline), compacted by scripts/make-docker-grammar.ts`,
  license: reference.license,
  commands: Object.fromEntries(
    Object.entries(reference.commands)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, command]) => [
        strip(path),
        {
          aliases: command.aliases.filter((a) => a !== path).map(strip),
          options: command.options.map((o): GrammarOption => [o.flags.join(' '), o.takesValue ? o.type : 0, o.default]),
        },
      ]),
  ),
};
writeFileSync(output, `${JSON.stringify(grammar)}\n`);
console.log(`${Object.keys(grammar.commands).length} commands → ${output}`);
