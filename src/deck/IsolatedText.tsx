import { splitIsolates } from './echo';

/** A message with its echoed user text isolated in <bdi>, so it cannot reorder the sentence. */
export function IsolatedText({ text }: { text: string }) {
  return (
    <>
      {splitIsolates(text).map((part, i) =>
        part.isolated ? <bdi key={i}>{part.text}</bdi> : part.text,
      )}
    </>
  );
}
