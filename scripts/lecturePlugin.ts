import type { Plugin } from 'vite';
import { compileLecture } from './compileLecture.ts';

/**
 * Vite plugin: `import slides from './x.md'` under `src/lecture/` yields the
 * compiled slides as a JSON module. Errors carry the file and line.
 */
export function lectureMarkdown(): Plugin {
  return {
    name: 'lecture-markdown',
    transform(source, id) {
      if (!id.endsWith('.md') || !id.includes('/src/lecture/')) return null;
      const file = id.slice(id.indexOf('/src/lecture/') + 1);
      const slides = compileLecture(source, file);
      return { code: `export default ${JSON.stringify(slides)};`, map: null };
    },
  };
}
