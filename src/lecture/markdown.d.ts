declare module '*.md' {
  import type { Slide } from '../deck/types';
  const slides: Slide[];
  export default slides;
}
