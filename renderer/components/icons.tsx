/** Small inline icons (SVG, no font needed); decorative unless a label is given. */
const base = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export function LockIcon({ label }: { label?: string }) {
  return (
    <svg
      {...base}
      className="icon"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {label && <title>{label}</title>}
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

export function WarnIcon({ label }: { label?: string }) {
  return (
    <svg
      {...base}
      className="icon"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {label && <title>{label}</title>}
      <path d="M8 2 1.5 13.5h13Z" />
      <path d="M8 6.5v3.2M8 11.8v.1" />
    </svg>
  );
}

export function DocIcon() {
  return (
    <svg {...base} className="icon" aria-hidden="true">
      <path d="M4 1.5h5l3.5 3.5v9.5h-8.5Z" />
      <path d="M9 1.5V5h3.5" />
    </svg>
  );
}

export function NoteIcon({ label }: { label?: string }) {
  return (
    <svg
      {...base}
      className="icon"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {label && <title>{label}</title>}
      <path d="M2.5 13.5h3l7.5-7.5-3-3-7.5 7.5Z" />
    </svg>
  );
}

export function NoDocIcon({ label }: { label?: string }) {
  return (
    <svg
      {...base}
      className="icon"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {label && <title>{label}</title>}
      <path d="M4 1.5h5l3.5 3.5v9.5h-8.5Z" />
      <path d="M2 2l12 12" />
    </svg>
  );
}
