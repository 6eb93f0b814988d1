import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

const WAIT_MS = 5000;

/**
 * Scrolls to the element a link's #hash names, and marks it, once it is on the page: the browser does not do it
 * for links inside the app, and the element often appears only when its data has loaded.
 */
export function ScrollToHash() {
  const { hash, pathname } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id) return;
    let marked: Element | null = null;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const target = document.getElementById(id);
      if (!target && Date.now() - started < WAIT_MS) return;
      window.clearInterval(timer);
      if (!target) return;
      // A heading starts what one came to read: at the top. Anything else (a row, an entry) in the middle.
      target.scrollIntoView({ block: /^H[1-6]$/.test(target.tagName) ? 'start' : 'center' });
      target.classList.add('is-target');
      marked = target;
    }, 100);
    return () => {
      window.clearInterval(timer);
      marked?.classList.remove('is-target');
    };
  }, [hash, pathname]);
  return null;
}
