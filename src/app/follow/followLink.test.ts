import { describe, expect, it } from 'vitest';
import { followLink, reachNote, reachOf, trainingNote } from './followLink';

const slides = [
  { id: 'title', steps: 1 },
  { id: 'gumbel-max', steps: 4 },
];
const page = (hash: string, origin = 'https://user.github.io') => ({
  origin,
  pathname: '/lecture/',
  hash,
});

describe('followLink', () => {
  it('is the page’s own address with the slide, the step and every figure value, without the page’s query', () => {
    const link = followLink(
      page('#/gumbel-max/3'),
      slides,
      { slide: 1, step: 2 },
      { 'gm.p': '0.1,0.9', 'gm.n': '10000', 'gm.seed': '1954' },
    );
    expect(link).toBe(
      'https://user.github.io/lecture/#/gumbel-max/3?gm.p=0.1,0.9&gm.n=10000&gm.seed=1954',
    );
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.split('?')[1]).get('gm.p')).toBe('0.1,0.9');
  });

  it('takes the figures’ values in use over the hash’s (a fresh seed not written yet) and keeps the rest', () => {
    const link = followLink(
      page('#/gumbel-max?ts.tau=0.3&gm.seed=5&lab.note=%%%'),
      slides,
      { slide: 1, step: 0 },
      { 'gm.seed': '4000000000', 'gm.n': '500' },
    );
    expect(link).toBe(
      'https://user.github.io/lecture/#/gumbel-max?ts.tau=0.3&gm.seed=4000000000&lab.note=%%%&gm.n=500',
    );
  });

  it('follows the position, not the hash’s path, and writes the first step without a number', () => {
    expect(followLink(page('#/title?x=1'), slides, { slide: 1, step: 0 }, {})).toBe(
      'https://user.github.io/lecture/#/gumbel-max?x=1',
    );
    expect(followLink(page(''), slides, { slide: 0, step: 0 }, {})).toBe(
      'https://user.github.io/lecture/#/title',
    );
  });

  it('encodes values that need it', () => {
    const link = followLink(page('#/title'), slides, { slide: 0, step: 0 }, { 'a.b': 'x y&z' });
    expect(link).toBe('https://user.github.io/lecture/#/title?a.b=x+y%26z');
    expect(new URLSearchParams(new URL(link).hash.split('?')[1]).get('a.b')).toBe('x y&z');
  });
});

describe('reachOf', () => {
  it.each([
    ['http://localhost:5173/', 'loopback'],
    ['http://app.localhost/', 'loopback'],
    ['http://127.0.0.1:4173/lecture/', 'loopback'],
    ['http://127.8.9.10/', 'loopback'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.20:4173/', 'private'],
    ['http://169.254.3.4/', 'private'],
    ['http://lecture-pc.local/', 'private'],
    ['http://lecture-pc/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[fe80::1]/', 'private'],
    ['https://user.github.io/lecture/', 'public'],
    ['http://172.15.0.1/', 'public'],
    ['http://172.32.0.1/', 'public'],
    ['http://192.169.0.1/', 'public'],
    ['http://11.0.0.1/', 'public'],
    ['http://[2001:db8::1]/', 'public'],
    ['https://localhost.example.org/', 'public'],
    ['file:///home/me/dist/index.html', 'file'],
    ['not a url', 'file'],
  ])('%s is %s', (url, reach) => {
    expect(reachOf(url)).toBe(reach);
  });

  it('says nothing for a public address and names the host otherwise', () => {
    expect(reachNote('https://user.github.io/lecture/#/title')).toBeNull();
    expect(reachNote('http://localhost:4173/#/title')).toMatch(/localhost:4173.*phones cannot/);
    expect(reachNote('http://192.168.1.20/#/title')).toMatch(/192\.168\.1\.20.*same network/);
  });
});

describe('trainingNote', () => {
  it('is there only when the slide has a training figure', () => {
    const widget = (name: 'vae-race' | 'gumbel-max' | 'estimator-lab') => ({
      blocks: [{ kind: 'widget' as const, step: 0, name, description: '' }],
    });
    expect(trainingNote(widget('vae-race'))).toMatch(/step 0/);
    expect(trainingNote(widget('estimator-lab'))).toMatch(/same settings and seed/);
    expect(trainingNote(widget('gumbel-max'))).toBeNull();
    expect(trainingNote({ blocks: [] })).toBeNull();
  });
});
