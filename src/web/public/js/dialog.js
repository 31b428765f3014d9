/* global document */

/**
 * Asks for confirmation in the page's `<dialog>`: resolves true on the confirm button, false on
 * Cancel or Escape. Focus returns to where it was.
 */
export function confirmAction({ title, message, confirmLabel }) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = message;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  const opener = document.activeElement;
  dialog.returnValue = 'cancel';
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        if (opener instanceof Object && 'focus' in opener) opener.focus();
        resolve(dialog.returnValue === 'ok');
      },
      { once: true },
    );
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}
