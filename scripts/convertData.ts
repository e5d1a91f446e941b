/**
 * Converts the shared raw data into the app's compact files in public/data/:
 * the 8×8 digits (UCI, pixels 0..16, binarized at ≥ 8) and a Fashion-MNIST
 * subset (28×28, 0..255, binarized at ≥ 128), each with a fixed train/held-out
 * split. Run with `npm run data` (reads ../shared/data or DATA_DIR).
 */
import { gunzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { counterHash } from '../src/ml/counterHash.ts';
import { encodeImageSet, decodeImageSet, fnv1a } from '../src/ml/imageSet.ts';
import { datasets } from '../src/widgets/shared/datasets.ts';

const dataDir = process.env.DATA_DIR ?? path.resolve(import.meta.dirname, '../../shared/data');
const outDir = path.resolve(import.meta.dirname, '../public');
/** The split's shuffle: a fixed stream of our counter hash, so the split never changes. */
const SPLIT_SEED = 1954;

function readDigits(): { pixels: number; images: Uint8Array[] } {
  const text = gunzipSync(readFileSync(path.join(dataDir, 'digits/digits.csv.gz'))).toString();
  const rows = text.trim().split('\n');
  const images = rows.map((row, i) => {
    const values = row.split(',').map(Number);
    if (values.length !== 65 || values.some((v) => !Number.isInteger(v) || v < 0 || v > 16))
      throw new Error(`digits.csv row ${i + 1} is not 64 pixels 0..16 and a label`);
    return Uint8Array.from(values.slice(0, 64), (v) => (v >= 8 ? 1 : 0));
  });
  return { pixels: 64, images };
}

function readIdxImages(file: string): { width: number; height: number; images: Uint8Array[] } {
  const bytes = gunzipSync(readFileSync(file));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x00000803) throw new Error(`${file} is not an IDX image file`);
  const [count, height, width] = [view.getUint32(4), view.getUint32(8), view.getUint32(12)];
  if (bytes.length !== 16 + count * width * height) throw new Error(`${file} has the wrong length`);
  const size = width * height;
  const images = Array.from({ length: count }, (_, n) =>
    Uint8Array.from(bytes.subarray(16 + n * size, 16 + (n + 1) * size), (v) => (v >= 128 ? 1 : 0)),
  );
  return { width, height, images };
}

/** A fixed permutation: indices sorted by their hash under SPLIT_SEED. */
function fixedOrder(n: number): number[] {
  const keys = Array.from({ length: n }, (_, i) => counterHash(SPLIT_SEED, i));
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}

function write(
  name: string,
  width: number,
  height: number,
  images: Uint8Array[],
  train: number,
  heldOut: number,
) {
  if (train + heldOut > images.length) throw new Error(`${name}: not enough images`);
  const order = fixedOrder(images.length);
  const pick = (from: number, count: number) => {
    const out = new Uint8Array(count * width * height);
    for (let i = 0; i < count; i++) out.set(images[order[from + i]!]!, i * width * height);
    return out;
  };
  const bytes = encodeImageSet({
    width,
    height,
    train: pick(0, train),
    heldOut: pick(train, heldOut),
  });
  decodeImageSet(bytes, name); // the app's own check, before anything is written
  const file = path.join(outDir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(
    `${name}: ${width}×${height}, ${train} train + ${heldOut} held out, ${bytes.length} bytes, fnv1a ${fnv1a(bytes).toString(16)}`,
  );
}

const digits = readDigits();
write(datasets.digits.file, 8, 8, digits.images, datasets.digits.train, datasets.digits.heldOut);
const fashion = readIdxImages(path.join(dataDir, 'fashion-mnist/t10k-images-idx3-ubyte.gz'));
write(
  datasets.fashion.file,
  fashion.width,
  fashion.height,
  fashion.images,
  datasets.fashion.train,
  datasets.fashion.heldOut,
);
