// Reading a typed command into command, options and operands.
import { describe, expect, it } from 'vitest';
import { dockerCommandCount } from '../../../../src/lib/domain/command-line/grammar';
import { parseCommandLine } from '../../../../src/lib/domain/command-line/parse';

const shape = (text: string) => {
  const line = parseCommandLine(text);
  return { command: line.command, grammar: line.grammar, options: line.options.map((o) => [o.key, o.value]), operands: line.operands.map((o) => o.value) };
};

describe('parseCommandLine', () => {
  it('knows every command in the Docker reference', () => expect(dockerCommandCount).toBe(144));

  it('reads Docker commands by their grammar: aliases, combined short flags, values joined or apart', () => {
    expect(shape('sudo docker run -itd -p8080:80 --name=web -e A=1 -e B=2 nginx sh -c "echo hi"')).toEqual({
      command: 'docker container run',
      grammar: 'docker',
      options: [['--interactive', null], ['--tty', null], ['--detach', null], ['--publish', '8080:80'], ['--name', 'web'], ['--env', 'A=1'], ['--env', 'B=2']],
      operands: ['nginx', 'sh', '-c', 'echo hi'],
    });
    expect(shape('docker ps -a').command).toBe('docker container ls');
    expect(shape('docker network create -d bridge net1').options).toEqual([['--driver', 'bridge']]);
    expect(shape('docker run --net host nginx').options).toEqual([['--network', 'host']]);
  });

  it('reads other programs with getopt conventions and a subcommand where they have one', () => {
    expect(shape('sudo usermod -aG docker $USER')).toEqual({ command: 'usermod', grammar: 'posix', options: [['-a', null], ['-G', 'docker']], operands: ['$USER'] });
    expect(shape('apt-get install -y docker.io').command).toBe('apt install');
    expect(shape('kill -9 1234').options).toEqual([['-s', '9']]);
    expect(shape('COPY --from=builder /app ./')).toEqual({ command: 'copy', grammar: 'plain', options: [['--from', 'builder']], operands: ['/app', './'] });
  });

  it('takes everything after -- as operands, and a quoted or escaped space inside one word', () => {
    expect(shape('docker rm -- -weird').operands).toEqual(['-weird']);
    expect(shape("docker volume create 'my vol'").operands).toEqual(['my vol']);
    expect(shape('docker volume create my\\ vol').operands).toEqual(['my vol']);
  });
});
