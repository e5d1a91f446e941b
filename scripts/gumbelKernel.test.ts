import { describe, expect, it } from 'vitest';
import { assembleKernel } from './gumbelKernel';
import { gumbelKernelBase64 } from '../src/ml/gumbelKernelBinary';
import { adamKernelBase64 } from '../src/ml/adamKernelBinary';

describe('the shipped noise kernel', () => {
  it('is gumbelKernel.wat assembled (run `npm run kernel` after editing the .wat)', async () => {
    const bytes = await assembleKernel();
    expect(Buffer.from(bytes).toString('base64')).toBe(gumbelKernelBase64);
  });
  it('is adamKernel.wat assembled (run `npm run kernel` after editing the .wat)', async () => {
    const bytes = await assembleKernel('adamKernel');
    expect(Buffer.from(bytes).toString('base64')).toBe(adamKernelBase64);
  });
});
