import './search.css';

/** A magnifying glass, drawn in the text colour. */
export function SearchIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <line x1="10" y1="10" x2="14.5" y2="14.5" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** Opens the search where no key is at hand: in a corner of the phone's reading view. */
export function SearchButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="search-button" onClick={onClick}>
      <SearchIcon /> Search
    </button>
  );
}
