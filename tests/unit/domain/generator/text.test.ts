import { describe, expect, it } from 'vitest';
import { cellText, chunkText, cleanInline, splitSentences } from '../../../../src/lib/domain/generator/text';
import { parseCommand, describeCommand } from '../../../../src/lib/domain/generator/command';

describe('cleanInline', () => {
  it('removes decoration emoji and bullet glyphs but keeps the meaning', () => {
    expect(cleanInline('✔ Containers share the host OS kernel 🚀')).toBe('Containers share the host OS kernel');
    expect(cleanInline('Containers 🆚 VMs')).toBe('Containers vs VMs');
    expect(cleanInline('Step 1️⃣ then 2️⃣')).toBe('Step 1 then 2');
    expect(cleanInline('docker ps ─────────▶ lists containers')).toBe('docker ps — lists containers');
    expect(cleanInline('Container ↔ veth ↔ docker0')).toBe('Container <-> veth <-> docker0');
    expect(cleanInline('app1 ❌ app2')).toBe('app1 ✗ app2');
    expect(cleanInline('**Bold** and “quotes”')).toBe('Bold and "quotes"');
  });

  it('reads a lone check or cross in a table cell as Yes / No', () => {
    expect(cellText('✅')).toBe('Yes');
    expect(cellText(' ❌ ')).toBe('No');
    expect(cellText('⚠')).toBe('Partly');
    expect(cellText('✅ Yes')).toBe('Yes');
    expect(cellText('❌ No ')).toBe('No');
  });
});

describe('splitting text', () => {
  it('splits sentences without breaking file names, versions or "e.g."', () => {
    expect(splitSentences('Copy app.jar to /app. Use node:18, e.g. Alpine. Done')).toEqual(['Copy app.jar to /app.', 'Use node:18, e.g. Alpine.', 'Done']);
  });

  it('chunks long text into pieces of at most the limit', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Fact number ${i} is here`).join(', ');
    const chunks = chunkText(long, 120);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 120)).toBe(true);
    expect(chunks.join(' ').replace(/,/g, '').split(' ').length).toBe(long.replace(/,/g, '').split(' ').length);
  });
});

describe('commands in notes', () => {
  it('recognises commands and their notes, and not prose, paths or labels', () => {
    expect(parseCommand('docker volume ls ─────────▶ lists all the volumes')).toEqual({ command: 'docker volume ls', note: 'lists all the volumes' });
    expect(parseCommand('docker build -> builds images')).toEqual({ command: 'docker build', note: 'builds images' });
    expect(parseCommand('docker run -d --mount source=v, target = /app img')?.command).toBe('docker run -d --mount source=v,target=/app img');
    expect(parseCommand('/var/lib/docker/volumes/')).toBeNull();
    expect(parseCommand('docker0 → 172.17.0.1 (host)')).toBeNull();
    expect(parseCommand('Traditional images:')).toBeNull();
    expect(parseCommand('docker is a platform')).toBeNull();
  });

  it('describes a command from its own anatomy', () => {
    expect(describeCommand('docker run -d --name app1 --network mybridge nginx')).toBe('run a container from `nginx` in the background, named `app1`, on the `mybridge` network');
    expect(describeCommand('docker volume create myvolume')).toBe('create volume `myvolume`');
    expect(describeCommand('docker run -p 8080:80 nginx')).toBe('run a container from `nginx` publishing container port 80 on host port 8080');
  });
});

describe('equivalent command spellings', () => {
  it('accepts the management-command form Docker also understands', async () => {
    const { equivalentCommands } = await import('../../../../src/lib/domain/generator/command');
    expect(equivalentCommands('docker rm container-id')).toEqual(['docker container rm container-id']);
    expect(equivalentCommands('docker ps')).toEqual(['docker container ls']);
    expect(equivalentCommands('docker build -t app .')).toEqual(['docker image build -t app .']);
    expect(equivalentCommands('docker volume ls')).toEqual([]);
    expect(equivalentCommands('kubectl get pods')).toEqual([]);
  });
});
