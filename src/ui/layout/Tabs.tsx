/** WAI-ARIA tabs: ←/→ move between tabs, the panel follows. */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  actions,
}: {
  label: string;
  tabs: Array<TabDef<K>>;
  selected: K;
  onSelect: (k: K) => void;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.key === selected);
    let j: number | undefined;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onSelect(tabs[j].key);
    refs.current.get(tabs[j].key)?.focus();
  };
  return (
    <section className="flex min-h-0 flex-1 flex-col" aria-label={label}>
      <div className="flex items-center gap-2 border-b border-slate-300 px-2 dark:border-slate-700">
        {/* One row that scrolls when the pane is narrow (presenter type, a split screen): a wrapped
            second row of tabs would take the output's height. */}
        <div
          role="tablist"
          aria-label={label}
          className="flex min-w-0 overflow-x-auto [scrollbar-width:thin]"
          onKeyDown={onKeyDown}
        >
          {tabs.map((t) => (
            <button
              key={t.key}
              ref={(el) => {
                if (el) refs.current.set(t.key, el);
                else refs.current.delete(t.key);
              }}
              role="tab"
              type="button"
              id={`${id}-tab-${t.key}`}
              aria-selected={t.key === selected}
              aria-controls={`${id}-panel`}
              tabIndex={t.key === selected ? 0 : -1}
              onClick={() => onSelect(t.key)}
              className={`-mb-px shrink-0 border-b-2 px-2 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-3 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 ${
                t.key === selected
                  ? 'border-sky-700 text-slate-900 dark:border-sky-400 dark:text-white'
                  : 'border-transparent text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2">{actions}</div>
      </div>
      <div
        role="tabpanel"
        tabIndex={0}
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${selected}`}
        className="min-h-0 flex-1 overflow-auto focus-visible:outline-3 focus-visible:-outline-offset-2 focus-visible:outline-sky-600"
      >
        {children}
      </div>
    </section>
  );
}
