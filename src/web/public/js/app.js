/* global document, window, URLSearchParams */
import { api, ApiError, setCsrfToken } from './api.js';
import { h, replace } from './dom.js';
import { loginPage } from './pages/login.js';
import { transmissionsPage } from './pages/transmissions.js';
import { transmissionPage } from './pages/transmission-detail.js';
import { exceptionsPage } from './pages/exceptions.js';
import { exceptionPage } from './pages/exception-detail.js';
import { ordersPage } from './pages/orders.js';
import { orderPage } from './pages/order-detail.js';
import { partnersPage } from './pages/partners.js';
import { kpisPage } from './pages/kpis.js';

const ROUTES = [
  [/^\/login$/, loginPage],
  [/^\/transmissions$/, transmissionsPage],
  [/^\/transmissions\/([^/]+)$/, transmissionPage],
  [/^\/exceptions$/, exceptionsPage],
  [/^\/exceptions\/([^/]+)$/, exceptionPage],
  [/^\/orders$/, ordersPage],
  [/^\/orders\/([^/]+)$/, orderPage],
  [/^\/partners$/, partnersPage],
  [/^\/kpis$/, kpisPage],
];

const state = { session: null, renders: 0, returnTo: null };
const main = document.getElementById('main');

/** The current hash route: `#/orders?status=open` gives path `/orders` and its parameters. */
function currentRoute() {
  const hash = window.location.hash.replace(/^#/, '') || '/transmissions';
  const [path, search = ''] = hash.split('?');
  return { path: path || '/transmissions', params: new URLSearchParams(search), hash: `#${hash}` };
}

/** Says something to everyone, screen readers included, in the status line. */
export function announce(message) {
  document.getElementById('status').textContent = message;
}

/** Shows an API or network error where it cannot be missed, with its request id. */
export function showError(error) {
  const box = document.getElementById('alert');
  const role = state.session?.user?.role ?? 'unknown';
  const message =
    error instanceof ApiError && error.status === 403 && state.session !== null
      ? `Your role (${role}) may not do this. ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  replace(
    box,
    h('span', { class: 'alert-icon', 'aria-hidden': 'true', text: '⚠' }),
    h('strong', { text: 'Error: ' }),
    h('span', { class: 'alert-message', text: message }),
    error instanceof ApiError && error.requestId !== undefined
      ? h('span', { class: 'request-id', text: ` (request id ${error.requestId})` })
      : null,
  );
  box.hidden = false;
}

function clearError() {
  const box = document.getElementById('alert');
  box.replaceChildren();
  box.hidden = true;
}

function showSession() {
  const user = state.session?.user;
  document.getElementById('nav').hidden = user === undefined;
  document.getElementById('who').hidden = user === undefined;
  document.getElementById('who-name').textContent = user === undefined ? '' : `${user.name} (${user.role})`;
}

/** Remembers who signed in (the body of GET/POST /api/session). */
function signedIn(session) {
  state.session = session;
  setCsrfToken(session.csrfToken ?? null);
  showSession();
}

function signedOut() {
  state.session = null;
  setCsrfToken(null);
  showSession();
}

async function render() {
  const renderId = ++state.renders;
  const route = currentRoute();
  if (state.session === null && route.path !== '/login') {
    state.returnTo = route.hash;
    window.location.hash = '#/login';
    return;
  }
  const match = ROUTES.map(([pattern, page]) => [pattern.exec(route.path), page]).find(([m]) => m !== null);
  clearError();
  announce('');
  const context = {
    main,
    args: match === undefined ? [] : match[0].slice(1).map(decodeURIComponent),
    params: route.params,
    session: state.session,
    isCurrent: () => renderId === state.renders,
    navigate: (hash) => (window.location.hash = hash),
    rerender: () => render(),
    announce,
    showError,
    signedIn: (session) => {
      signedIn(session);
      const target = state.returnTo ?? '#/transmissions';
      state.returnTo = null;
      window.location.hash = target;
    },
  };
  if (match === undefined) {
    replace(main, h('h1', { text: 'Not found' }), h('p', { text: `No page at ${route.path}.` }));
    return;
  }
  try {
    await match[1](context);
  } catch (error) {
    if (context.isCurrent()) showError(error);
  }
}

async function boot() {
  try {
    signedIn(await api('GET', '/api/session'));
  } catch (error) {
    signedOut();
    if (!(error instanceof ApiError) || error.status !== 401) showError(error);
  }
  await render();
}

window.addEventListener('hashchange', () => {
  void render().then(() => {
    const heading = main.querySelector('h1');
    if (heading !== null) {
      heading.tabIndex = -1;
      heading.focus();
    }
  });
});

window.addEventListener('console:unauthorized', () => {
  signedOut();
  state.returnTo = currentRoute().hash;
  announce('Your session ended; sign in again.');
  window.location.hash = '#/login';
});

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('DELETE', '/api/session');
  } catch (error) {
    showError(error);
  }
  signedOut();
  announce('Signed out.');
  window.location.hash = '#/login';
});

void boot();
