/**
 * The face guide over the live preview: an oval where the face goes (ICAO-style head framing,
 * about 70 % of the height), a line for the eyes, and the area outside dimmed.
 */
export function FaceGuide({ testId, label }: { testId: string; label: string }) {
  return (
    <svg
      viewBox="0 0 300 400"
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
    >
      <defs>
        <mask id="ktp-face-guide-mask">
          <rect width="300" height="400" fill="white" />
          <ellipse cx="150" cy="180" rx="92" ry="130" fill="black" />
        </mask>
      </defs>
      <rect width="300" height="400" fill="rgba(0,0,0,0.35)" mask="url(#ktp-face-guide-mask)" />
      <ellipse cx="150" cy="180" rx="92" ry="130" fill="none" stroke="#fff" strokeWidth="4" strokeDasharray="10 6" />
      <line x1="90" y1="160" x2="210" y2="160" stroke="#fff" strokeOpacity="0.7" strokeWidth="2" />
    </svg>
  );
}
