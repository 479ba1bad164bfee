/** Presenter mode: larger type everywhere (the root font size) and a larger timeline, for projectors. */
import { useEffect, useState } from 'react';

const KEY = 'podplay.presenter';
export const PRESENTER_SCALE = 1.25;

function initial(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function usePresenter(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(initial);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // storage may be blocked
    }
  }, [on]);
  return [on, setOn];
}
