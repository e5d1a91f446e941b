import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, parseBackendName, planBackends } from './backendPlan';

const gpu = { webgl2: true, renderer: 'ANGLE (NVIDIA GeForce RTX 3060)', floatRender: true };
const swiftshader = {
  webgl2: true,
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
  floatRender: true,
};

describe('backend plan', () => {
  it('prefers webgl on a hardware GPU', () => {
    expect(planBackends(gpu).order).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('prefers wasm on a software renderer, without float rendering, or without WebGL 2', () => {
    expect(planBackends(swiftshader).order[0]).toBe('wasm');
    expect(planBackends(swiftshader).reason).toMatch(/software/);
    expect(planBackends({ ...gpu, floatRender: false }).order[0]).toBe('wasm');
    const none = planBackends({
      webgl2: false,
      renderer: null,
      floatRender: false,
      error: 'no context',
    });
    expect(none.order).toEqual(['wasm', 'cpu']);
    expect(none.reason).toContain('no context');
  });

  it('puts a forced backend first and keeps the others as fallbacks', () => {
    expect(planBackends(gpu, 'cpu').order).toEqual(['cpu', 'webgl', 'wasm']);
    expect(planBackends(swiftshader, 'webgl').reason).toContain('?backend=webgl');
  });

  it('recognizes software renderers and backend names', () => {
    for (const r of [
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
      'Google SwiftShader',
    ]) {
      expect(isSoftwareRenderer(r)).toBe(true);
    }
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
    expect(parseBackendName(' WebGL ')).toBe('webgl');
    expect(parseBackendName('gpu')).toBeNull();
    expect(parseBackendName(null)).toBeNull();
  });
});
