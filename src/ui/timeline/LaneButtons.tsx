import { AXIS_H, LABEL_W, LANE_H } from './geometry';
import type { Lane } from './segments';

/**
 * Buttons laid over the label column of group and pod lanes (the plot itself is one slider, which
 * may not hold controls): a group opens and closes, a pod becomes the one shown below.
 */
export function LaneButtons({
  lanes,
  k,
  offsetX,
  onToggleGroup,
  onChoosePod,
  chosenPod,
}: {
  lanes: Lane[];
  k: number;
  offsetX: number;
  onToggleGroup?: (key: string) => void;
  onChoosePod?: (name: string) => void;
  chosenPod?: string;
}) {
  const box = (i: number) => ({
    top: (AXIS_H + i * LANE_H) * k,
    height: LANE_H * k,
    left: offsetX,
    width: LABEL_W * k,
  });
  const cls =
    'pointer-events-auto absolute rounded-sm focus-visible:outline-3 focus-visible:outline-offset-0 focus-visible:outline-sky-600';
  return (
    <div className="pointer-events-none absolute inset-0">
      {lanes.map((lane, i) => {
        const { expander, pod } = lane;
        if (expander && onToggleGroup)
          return (
            <button
              key={lane.id}
              type="button"
              className={cls}
              style={box(i)}
              aria-expanded={expander.expanded}
              aria-label={`${lane.title}: ${expander.count} ${expander.count === 1 ? 'pod' : 'pods'}`}
              data-testid={`lane-toggle-${expander.key}`}
              onClick={() => onToggleGroup(expander.key)}
              onKeyDown={(e) => {
                if (
                  (e.key === 'ArrowLeft' && expander.expanded) ||
                  (e.key === 'ArrowRight' && !expander.expanded)
                ) {
                  e.preventDefault();
                  onToggleGroup(expander.key);
                }
              }}
            />
          );
        if (pod !== undefined && onChoosePod)
          return (
            <button
              key={lane.id}
              type="button"
              className={`${cls} ${pod === chosenPod ? 'border-l-4 border-sky-700 dark:border-sky-400' : ''}`}
              style={box(i)}
              aria-pressed={pod === chosenPod}
              aria-label={`Pod ${pod}: show its lanes`}
              data-testid={`lane-pod-${pod}`}
              onClick={() => onChoosePod(pod)}
            />
          );
        return null;
      })}
    </div>
  );
}
