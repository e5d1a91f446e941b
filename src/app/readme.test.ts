import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyBindings } from './keymap';

describe('README', () => {
  it('lists every key action the help overlay shows', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const binding of keyBindings) {
      for (const part of binding.description.split(' / ')) expect(readme).toContain(part);
    }
  });

  it('names the two commands CI and newcomers rely on', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
  });
});
