/** Play/pause, speed, step between events, jump to start/end, and a scrubber. */
import { formatClock } from '../trace-utils';
import { SPEEDS, speedLabel, type Playback, type Speed } from './usePlayback';

export interface TransportProps {
  playback: Playback;
  endMs: number;
  onPrevious: () => void;
  onNext: () => void;
  disabled: boolean;
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="fill-current">
      <path d={d} />
    </svg>
  );
}

const ICONS = {
  start: 'M6 5h2v14H6zM20 5v14L9 12z',
  prev: 'M4 12l8-7v14zM12 12l8-7v14z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M20 12l-8 7V5zM12 12l-8 7V5z',
  end: 'M16 5h2v14h-2zM4 5v14l11-7z',
};

function IconButton({
  icon,
  label,
  keys,
  onClick,
  disabled,
}: {
  icon: keyof typeof ICONS;
  label: string;
  keys: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <button
      type="button"
      className="btn-icon"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={`${label} (${keys})`}
    >
      <Icon d={ICONS[icon]} />
    </button>
  );
}

export function Transport({ playback, endMs, onPrevious, onNext, disabled }: TransportProps) {
  const { t, playing, speed } = playback;
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-slate-300 px-3 py-2 dark:border-slate-700"
      role="toolbar"
      aria-label="Playback"
    >
      <IconButton
        icon="start"
        label="Jump to start"
        keys="Home"
        onClick={() => playback.setT(0)}
        disabled={disabled}
      />
      <IconButton icon="prev" label="Previous event" keys="←" onClick={onPrevious} disabled={disabled} />
      <button
        type="button"
        className="btn-primary w-24 justify-center"
        onClick={playback.toggle}
        disabled={disabled}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        <Icon d={playing ? ICONS.pause : ICONS.play} />
        <span aria-hidden="true">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <IconButton icon="next" label="Next event" keys="→" onClick={onNext} disabled={disabled} />
      <IconButton
        icon="end"
        label="Jump to end"
        keys="End"
        onClick={() => playback.setT(endMs)}
        disabled={disabled}
      />
      <label className="ml-2 flex items-center gap-1 text-sm">
        Speed
        <select
          className="field"
          value={String(speed)}
          onChange={(e) => {
            const v = e.target.value;
            playback.setSpeed((v === 'max' ? 'max' : Number(v)) as Speed);
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className="mx-2 min-w-40 flex-1 accent-sky-700"
        min={0}
        max={endMs}
        step={100}
        value={t}
        disabled={disabled}
        onChange={(e) => playback.setT(Number(e.target.value))}
        onKeyDown={(e) => e.stopPropagation()}
        aria-label="Virtual time"
        aria-valuetext={formatClock(t)}
      />
      <output className="w-28 text-right font-mono text-sm tabular-nums" data-testid="clock">
        {formatClock(t)} / {formatClock(endMs)}
      </output>
    </div>
  );
}
