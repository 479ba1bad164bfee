/** The header's theme and presenter switches, shared by the playground and the lesson player. */
type Theme = 'light' | 'dark';

export function ThemeToggle({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="btn-secondary"
      onClick={() => onChange(dark ? 'light' : 'dark')}
      aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
    >
      {dark ? 'Light' : 'Dark'}
    </button>
  );
}

export function PresenterToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button type="button" className="btn-secondary" aria-pressed={on} onClick={() => onChange(!on)}>
      Presenter
    </button>
  );
}
