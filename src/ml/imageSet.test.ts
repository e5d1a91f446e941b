import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { countOf, decodeImageSet, encodeImageSet, ImageSetError, type ImageSet } from './imageSet';
import { counterHash } from './counterHash';

/** A set with an odd pixel count (5×3 = 15), so images end mid-byte. */
function sample(): ImageSet {
  const bits = (n: number, salt: number) =>
    Uint8Array.from({ length: n * 15 }, (_, i) => counterHash(salt, i) & 1);
  return { width: 5, height: 3, train: bits(7, 1), heldOut: bits(3, 2) };
}

describe('image set files', () => {
  test('round trip: every pixel of every image comes back', () => {
    const set = sample();
    const back = decodeImageSet(encodeImageSet(set));
    expect(back.width).toBe(5);
    expect(back.height).toBe(3);
    expect(Array.from(back.train)).toEqual(Array.from(set.train));
    expect(Array.from(back.heldOut)).toEqual(Array.from(set.heldOut));
  });

  test('refuses truncated, padded, foreign, future and damaged files with a reason', () => {
    const bytes = encodeImageSet(sample());
    const refusal = (b: Uint8Array) => {
      try {
        decodeImageSet(b, 'digits.bin');
      } catch (e) {
        expect(e).toBeInstanceOf(ImageSetError);
        return (e as Error).message;
      }
      throw new Error('accepted a bad file');
    };
    expect(refusal(bytes.slice(0, 10))).toMatch(/too short/);
    expect(refusal(bytes.slice(0, bytes.length - 1))).toMatch(/truncated or damaged/);
    expect(refusal(Uint8Array.from([...bytes, 0]))).toMatch(/truncated or damaged/);
    expect(refusal(new TextEncoder().encode('<!doctype html><html>Not found</html>'))).toMatch(
      /not one of this app's data files/,
    );
    const future = bytes.slice();
    future[4] = 2;
    expect(refusal(future)).toMatch(/version 2/);
    // Any single flipped bit in the pixels is caught by the checksum.
    for (const at of [24, 30, bytes.length - 1]) {
      const damaged = bytes.slice();
      damaged[at]! ^= 0x10;
      expect(refusal(damaged)).toMatch(/corrupt/);
    }
    const lying = bytes.slice();
    lying[12] = 0; // claims 0 training images
    expect(refusal(lying)).toMatch(/impossible header/);
  });

  test('refuses pixels that are not 0 or 1 when writing', () => {
    const set = sample();
    set.train[3] = 2;
    expect(() => encodeImageSet(set)).toThrow(/not 0 or 1/);
  });

  test('the shipped files decode with their documented sizes', () => {
    const digits = decodeImageSet(readFileSync('public/data/digits.bin'));
    expect([
      digits.width,
      digits.height,
      countOf(digits, 'train'),
      countOf(digits, 'heldOut'),
    ]).toEqual([8, 8, 1500, 297]);
    const fashion = decodeImageSet(readFileSync('public/data/fashion-mnist.bin'));
    expect([fashion.width, countOf(fashion, 'train'), countOf(fashion, 'heldOut')]).toEqual([
      28, 5000, 1000,
    ]);
    // Binarized digits are about 35–45 % ink: a sanity check that the threshold was applied.
    const ink = digits.train.reduce((a, b) => a + b, 0) / digits.train.length;
    expect(ink).toBeGreaterThan(0.25);
    expect(ink).toBeLessThan(0.55);
  });
});
