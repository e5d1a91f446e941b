/**
 * A compact binary file of binarized images with a fixed train/held-out split,
 * written by `scripts/convertData.ts` and read by the app. Pure TypeScript.
 *
 * Layout (little-endian): a 24-byte header, then every image bit-packed
 * (row-major pixels, most significant bit first, each image padded to a whole
 * byte), the training images first.
 *   0  "GSXI"       magic
 *   4  u16 version  (1)
 *   6  u16 width
 *   8  u16 height
 *  10  u16 reserved (0)
 *  12  u32 training images
 *  16  u32 held-out images
 *  20  u32 FNV-1a checksum of everything after the header
 */

export const IMAGE_SET_VERSION = 1;
const MAGIC = 'GSXI';
const HEADER_BYTES = 24;

export interface ImageSet {
  width: number;
  height: number;
  /** Training images, one byte per pixel (0 or 1), image after image: [train × width·height]. */
  train: Uint8Array;
  /** Held-out images in the same form. */
  heldOut: Uint8Array;
}

/** Why a file was refused, in words a user can act on. */
export class ImageSetError extends Error {
  override name = 'ImageSetError';
}

export const pixelsOf = (set: Pick<ImageSet, 'width' | 'height'>) => set.width * set.height;
export const countOf = (set: ImageSet, part: 'train' | 'heldOut') =>
  set[part].length / pixelsOf(set);

/** FNV-1a over bytes: any flipped bit or byte changes it. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

const bytesPerImage = (pixels: number) => Math.ceil(pixels / 8);

/** The file's expected length for a header's sizes. */
export const imageSetLength = (width: number, height: number, images: number) =>
  HEADER_BYTES + images * bytesPerImage(width * height);

/** Packs a binarized set into the file format. Pixels must be 0 or 1. */
export function encodeImageSet(set: ImageSet): Uint8Array {
  const pixels = pixelsOf(set);
  const perImage = bytesPerImage(pixels);
  const train = set.train.length / pixels;
  const heldOut = set.heldOut.length / pixels;
  if (!Number.isInteger(train) || !Number.isInteger(heldOut))
    throw new RangeError('Pixel arrays must hold whole images.');
  const out = new Uint8Array(imageSetLength(set.width, set.height, train + heldOut));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint16(4, IMAGE_SET_VERSION, true);
  view.setUint16(6, set.width, true);
  view.setUint16(8, set.height, true);
  view.setUint32(12, train, true);
  view.setUint32(16, heldOut, true);
  const all = [set.train, set.heldOut];
  let image = 0;
  for (const part of all) {
    for (let n = 0; n < part.length / pixels; n++, image++) {
      const base = HEADER_BYTES + image * perImage;
      for (let p = 0; p < pixels; p++) {
        const v = part[n * pixels + p]!;
        if (v !== 0 && v !== 1)
          throw new RangeError(`Pixel ${p} of image ${image} is ${v}, not 0 or 1.`);
        if (v) out[base + (p >> 3)]! |= 0x80 >> (p & 7);
      }
    }
  }
  view.setUint32(20, fnv1a(out.subarray(HEADER_BYTES)), true);
  return out;
}

/**
 * Reads a file written by `encodeImageSet`, checking its magic, version, sizes,
 * length and checksum; throws an `ImageSetError` saying what is wrong.
 */
export function decodeImageSet(bytes: Uint8Array, name = 'The data file'): ImageSet {
  if (bytes.length < HEADER_BYTES)
    throw new ImageSetError(`${name} is too short (${bytes.length} bytes) to be a data file.`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC)
    throw new ImageSetError(
      `${name} is not one of this app's data files (it may be an error page from the server).`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== IMAGE_SET_VERSION)
    throw new ImageSetError(`${name} has format version ${version}; this app reads version 1.`);
  const width = view.getUint16(6, true);
  const height = view.getUint16(8, true);
  const train = view.getUint32(12, true);
  const heldOut = view.getUint32(16, true);
  if (width < 1 || height < 1 || width > 256 || height > 256 || train < 1 || heldOut < 1)
    throw new ImageSetError(
      `${name} has an impossible header (${width}×${height}, ${train}+${heldOut} images).`,
    );
  const expected = imageSetLength(width, height, train + heldOut);
  if (bytes.length !== expected)
    throw new ImageSetError(
      `${name} has ${bytes.length} bytes where its header promises ${expected}: it is truncated or damaged. Reload to fetch it again.`,
    );
  if (fnv1a(bytes.subarray(HEADER_BYTES)) !== view.getUint32(20, true))
    throw new ImageSetError(
      `${name} is corrupt (its checksum does not match). Reload to fetch it again.`,
    );
  const pixels = width * height;
  const perImage = bytesPerImage(pixels);
  const unpack = (first: number, count: number) => {
    const out = new Uint8Array(count * pixels);
    for (let n = 0; n < count; n++) {
      const base = HEADER_BYTES + (first + n) * perImage;
      for (let p = 0; p < pixels; p++)
        out[n * pixels + p] = (bytes[base + (p >> 3)]! >> (7 - (p & 7))) & 1;
    }
    return out;
  };
  return { width, height, train: unpack(0, train), heldOut: unpack(train, heldOut) };
}
