import { el } from '../shared/dom';

/** The page's fixed skeleton, built once; everything with data is filled in later as text. */
export interface InspectorDom {
  readonly title: HTMLHeadingElement;
  readonly status: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly position: HTMLElement;
  readonly play: HTMLButtonElement;
  /** Starts a debug session of the aggregate at the selected step. */
  readonly debugHere: HTMLButtonElement;
  readonly speed: HTMLSelectElement;
  readonly jumpForm: HTMLFormElement;
  readonly jumpInput: HTMLInputElement;
  readonly jumpError: HTMLElement;
  readonly modeButtons: Readonly<Record<'step' | 'compare' | 'snapshot', HTMLButtonElement>>;
  readonly stepList: HTMLOListElement;
  readonly loadMore: HTMLButtonElement;
  readonly detail: HTMLElement;
}

/** Steps a second that play offers; the default is slow enough to read each diff. */
export const PLAY_SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8, 16];
export const DEFAULT_PLAY_SPEED = 2;

export function buildInspectorDom(root: HTMLElement): InspectorDom {
  const title = el('h1', { className: 'title', text: 'Time-Travel Inspector' });
  const status = el('div', { className: 'status', attrs: { id: 'status', role: 'status', 'aria-live': 'polite' } });
  const slider = el('input', { attrs: { id: 'slider', type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'Step' } });
  slider.disabled = true;
  const position = el('span', { className: 'position', attrs: { id: 'position' } });
  const debugHere = el('button', { className: 'debug-here', text: 'Debug from Here', attrs: { id: 'debug-here', type: 'button', title: 'Start a debug session of this aggregate at the selected step (Run and Debug)' } });
  debugHere.disabled = true;
  const play = el('button', { className: 'play', text: 'Play', attrs: { id: 'play', type: 'button', 'aria-pressed': 'false', title: 'Play the aggregate step by step (again: pause)' } });
  const speed = el(
    'select',
    { attrs: { id: 'speed', 'aria-label': 'Playback speed' } },
    PLAY_SPEEDS.map((perSecond) => el('option', { text: `${perSecond} step${perSecond === 1 ? '' : 's'}/s`, attrs: { value: String(perSecond) } })),
  );
  speed.value = String(DEFAULT_PLAY_SPEED);
  const jumpInput = el('input', {
    attrs: { id: 'jump-input', type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'sequence', 'aria-describedby': 'jump-error' },
  });
  const jumpError = el('span', { className: 'error', attrs: { id: 'jump-error', role: 'alert' } });
  const jumpForm = el('form', { className: 'jump', attrs: { id: 'jump' } }, [
    el('label', { attrs: { for: 'jump-input' }, text: 'Jump to sequence ' }),
    jumpInput,
    el('button', { attrs: { type: 'submit' }, text: 'Go' }),
    jumpError,
  ]);
  const modeButton = (mode: string, text: string): HTMLButtonElement =>
    el('button', { className: 'mode', text, attrs: { type: 'button', 'data-mode': mode, 'aria-pressed': 'false', id: `mode-${mode}` } });
  const modeButtons = {
    step: modeButton('step', 'Step'),
    compare: modeButton('compare', 'Compare A ↔ B'),
    snapshot: modeButton('snapshot', 'Snapshot drift'),
  };
  const stepList = el('ol', { className: 'steps', attrs: { id: 'steps', role: 'listbox', tabindex: '0', 'aria-label': 'Events of the aggregate' } });
  const loadMore = el('button', { className: 'load-more', text: 'Load more', attrs: { id: 'load-more', type: 'button' } });
  loadMore.hidden = true;
  const detail = el('section', { className: 'detail', attrs: { id: 'detail', 'aria-live': 'polite' } });

  root.replaceChildren(
    el('header', { className: 'header' }, [title, status]),
    el('div', { className: 'controls' }, [
      el('div', { className: 'scrub' }, [play, speed, slider, position]),
      jumpForm,
      el('div', { className: 'modes', attrs: { role: 'group', 'aria-label': 'View' } }, [modeButtons.step, modeButtons.compare, modeButtons.snapshot]),
      debugHere,
    ]),
    el('div', { className: 'body' }, [el('nav', { className: 'step-pane' }, [stepList, loadMore]), detail]),
  );
  return { title, status, slider, position, play, debugHere, speed, jumpForm, jumpInput, jumpError, modeButtons, stepList, loadMore, detail };
}
