import { useEffect, useState } from 'react';

/** A large red dot that follows the mouse, for pointing at a projected figure. */
export function LaserPointer() {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const move = (event: PointerEvent) => setAt({ x: event.clientX, y: event.clientY });
    window.addEventListener('pointermove', move);
    document.body.classList.add('laser-on');
    return () => {
      window.removeEventListener('pointermove', move);
      document.body.classList.remove('laser-on');
    };
  }, []);
  return (
    <div
      className="laser-pointer"
      aria-hidden="true"
      style={at ? { transform: `translate(${at.x}px, ${at.y}px)` } : { display: 'none' }}
    />
  );
}
