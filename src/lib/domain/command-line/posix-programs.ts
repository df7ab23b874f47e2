// Commands other than Docker are read with getopt conventions. For the few programs the decks ask about we know which
// short options take a value (as getopt's optstring would say), their long spellings, and whether the first operand
// names a subcommand. Anything else is read generically: every option a switch, every operand exact.

export interface ProgramSpec {
  /** getopt optstring: letters followed by ':' take a value. */
  optstring: string;
  /** Long names mapped to the short option they spell ("--append" → "-a"). */
  long?: Record<string, string>;
  /** The first operand is a subcommand ("apt install"), compared as part of the command. */
  subcommand?: boolean;
  /** Operands (after any subcommand) are values the prompt may leave open: users, process ids, packages. */
  openOperands?: boolean;
  /** The option that carries a signal, and its default ("kill -s TERM"). */
  signal?: { option: string; defaultValue: string };
}

const APT: ProgramSpec = {
  optstring: 'yqsdfmo:c:t:',
  long: { '--yes': '-y', '--assume-yes': '-y', '--quiet': '-q', '--simulate': '-s', '--fix-broken': '-f' },
  subcommand: true,
  openOperands: true,
};

export const PROGRAMS: Record<string, ProgramSpec> = {
  apt: APT,
  'apt-get': APT,
  systemctl: { optstring: 'aqlt:p:H:M:', long: { '--all': '-a', '--quiet': '-q', '--type': '-t' }, subcommand: true, openOperands: false },
  service: { optstring: '', subcommand: false, openOperands: false },
  usermod: {
    optstring: 'c:d:e:f:g:G:l:p:s:u:Z:aLmoUr',
    long: { '--append': '-a', '--groups': '-G', '--gid': '-g', '--home': '-d', '--login': '-l', '--shell': '-s', '--uid': '-u', '--lock': '-L', '--unlock': '-U', '--move-home': '-m' },
    openOperands: true,
  },
  gpasswd: { optstring: 'a:d:M:A:r', long: { '--add': '-a', '--delete': '-d' }, openOperands: true },
  kill: { optstring: 's:n:l', long: { '--signal': '-s' }, openOperands: true, signal: { option: '-s', defaultValue: 'TERM' } },
  curl: {
    optstring: 'X:H:d:o:u:A:e:F:T:m:w:sSLfIkvOi',
    long: { '--request': '-X', '--header': '-H', '--data': '-d', '--output': '-o', '--user': '-u', '--silent': '-s', '--location': '-L', '--fail': '-f', '--head': '-I', '--insecure': '-k', '--verbose': '-v', '--include': '-i' },
  },
  git: { optstring: 'C:c:', subcommand: true },
  kubectl: { optstring: 'n:o:f:l:c:', long: { '--namespace': '-n', '--output': '-o', '--filename': '-f', '--selector': '-l' }, subcommand: true, openOperands: true },
};

/** Names that run the same program ("apt-get update" answers "apt update"). */
export const SAME_PROGRAM: Record<string, string> = { 'apt-get': 'apt', 'docker-compose': 'docker compose' };

const SIGNAL_NUMBERS: Record<string, string> = { '1': 'HUP', '2': 'INT', '3': 'QUIT', '9': 'KILL', '10': 'USR1', '12': 'USR2', '15': 'TERM', '18': 'CONT', '19': 'STOP' };

/** "SIGKILL", "kill", "9" → "KILL". */
export function signalName(value: string): string {
  const upper = value.toUpperCase().replace(/^SIG/, '');
  return SIGNAL_NUMBERS[upper] ?? upper;
}
